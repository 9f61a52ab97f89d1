import QtQuick

// Track a dossier by code (typed, or scanned from the receipt QR by the barcode scanner).
KPage {
    id: page
    readonly property var vm: page.kiosk.track
    title: qsTr("Track a dossier")
    subtitle: qsTr("Type the code from your receipt, or hold the receipt's QR code under the scanner.")

    KField {
        id: codeField
        objectName: "trackCode"
        width: parent.width
        label: qsTr("Dossier code")
        placeholder: "000.00.06.H56-261125-0001"
        error: page.vm.errorText
        Component.onCompleted: { text = page.vm.code; input.forceActiveFocus() }
        onAccepted: page.vm.lookup(text)
    }
    KButton { objectName: "trackLookup"; width: parent.width; kind: "primary"; text: qsTr("Look it up"); onClicked: page.vm.lookup(codeField.text) }
    KCard {
        width: parent.width
        visible: page.vm.found
        height: trackCol.implicitHeight + 40
        Column {
            id: trackCol
            x: 24
            y: 20
            width: parent.width - 48
            spacing: 10
            KText { width: parent.width; text: page.vm.info.code || ""; color: Theme.muted }
            KText { objectName: "trackStatus"; width: parent.width; text: page.vm.info.statusText || ""; font.pixelSize: Theme.title; font.bold: true }
            KText { width: parent.width; text: page.vm.info.nextStep || ""; font.pixelSize: Theme.big }
            KText { width: parent.width; visible: (page.vm.info.due || "") !== ""; text: qsTr("Result due: %1").arg(page.vm.info.due || "") }
        }
    }
    KButton { objectName: "trackDone"; width: parent.width; text: qsTr("Finish"); onClicked: page.kiosk.finish("completed") }
}
