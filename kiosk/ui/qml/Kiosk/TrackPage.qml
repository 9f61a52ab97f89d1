pragma ComponentBehavior: Bound
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
    // a result appears below the field: bring it into view (the status is what the citizen came for)
    readonly property bool found: page.vm.found
    onFoundChanged: if (found) showResult.restart()
    Timer {
        id: showResult
        interval: 60  // after the card's Column has its height
        onTriggered: {
            const top = resultCard.mapToItem(page.flick.contentItem, 0, 0).y - 20
            page.flick.contentY = Math.max(0, Math.min(top, page.flick.contentHeight - page.flick.height))
        }
    }
    KCard {
        id: resultCard
        objectName: "trackResult"
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
    // the signed result: printed here (online delivery, code + ID), or where to collect it
    KCard {
        objectName: "trackResultFile"
        width: parent.width
        visible: page.vm.found && (page.vm.info.resultReady || false)
        height: fetchCol.implicitHeight + 40
        Column {
            id: fetchCol
            x: 24
            y: 20
            width: parent.width - 48
            spacing: 12
            KText {
                objectName: "resultWhere"
                width: parent.width
                font.bold: true
                text: page.vm.info.canFetch ? qsTr("Your result is ready as a signed electronic copy. Type your 12-digit ID number to print it here.")
                                            : (page.vm.info.collectText || "")
            }
            KField {
                id: resultId
                objectName: "resultId"
                width: parent.width
                visible: page.vm.info.canFetch || false
                numeric: true
                secret: true
                label: qsTr("Your 12-digit ID number")
                error: page.vm.resultError
                onAccepted: { input.focus = false; page.vm.fetchResult(text) }
            }
            KButton {
                objectName: "printResult"
                width: parent.width
                visible: page.vm.info.canFetch || false
                enabled: page.vm.resultState !== "working"
                kind: "primary"
                text: page.vm.resultState === "working" ? qsTr("Printing…") : qsTr("Print my result")
                onClicked: { resultId.input.focus = false; page.vm.fetchResult(resultId.text) }
            }
            KText { objectName: "resultMessage"; width: parent.width; visible: text !== ""; text: page.vm.resultMessage; color: page.vm.resultState === "printed" ? Theme.ok : Theme.error; font.bold: true }
        }
    }
    // what happened so far (no officers' names; the list of papers to bring while a supplement is pending)
    KCard {
        objectName: "trackHistory"
        width: parent.width
        visible: page.vm.found && (page.vm.info.history || []).length > 0
        height: histCol.implicitHeight + 40
        Column {
            id: histCol
            x: 24
            y: 20
            width: parent.width - 48
            spacing: 8
            KText { width: parent.width; text: qsTr("History"); font.bold: true; font.pixelSize: Theme.big }
            Repeater {
                model: page.vm.info.history || []
                delegate: Column {
                    id: line
                    required property var modelData
                    required property int index
                    width: histCol.width
                    spacing: 2
                    KText { objectName: "historyLine_" + line.index; width: parent.width; text: line.modelData.at + " · " + line.modelData.text }
                    KText { width: parent.width; visible: line.modelData.items !== ""; text: qsTr("Papers to bring: %1").arg(line.modelData.items); color: Theme.error; font.pixelSize: Theme.small }
                }
            }
        }
    }
}
