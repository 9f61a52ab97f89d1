import QtQuick

// Track a dossier by code (typed, or scanned from the receipt QR by the barcode scanner).
KPage {
    id: page
    readonly property var vm: page.kiosk.track
    title: qsTr("Track a dossier")
    subtitle: qsTr("Type the code from your receipt, or hold the receipt's QR code under the scanner.")
    // once a dossier is shown, "Finish" is the one main action, in the bottom bar
    primaryText: page.vm.found ? qsTr("Finish") : ""
    primaryName: "trackDone"
    onPrimary: page.kiosk.finish("completed")

    KField {
        id: codeField
        objectName: "trackCode"
        width: parent.width
        label: qsTr("Dossier code")
        placeholder: "000.00.06.H56-261125-0001"
        error: page.vm.errorText
        // a scanned receipt QR types here; a result already shown (scanned on Welcome) is not covered by the keyboard
        Component.onCompleted: { text = page.vm.code; if (!page.vm.found) input.forceActiveFocus() }
        onAccepted: { input.focus = false; page.vm.lookup(text) }
    }
    KButton { objectName: "trackLookup"; width: parent.width; kind: page.vm.found ? "secondary" : "primary"; text: qsTr("Look it up"); onClicked: { codeField.input.focus = false; page.vm.lookup(codeField.text) } }
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
}
