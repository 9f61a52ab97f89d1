pragma ComponentBehavior: Bound
import QtQuick

// A queue number for the counter: pick a field (large buttons), then the number in very large type with the
// people ahead and the expected wait. The view model takes and prints the ticket on the worker and returns
// to Welcome by itself after a while.
KPage {
    id: page
    readonly property var vm: page.kiosk.ticket
    primaryText: page.vm.taken ? qsTr("Done") : ""
    primaryName: "ticketDone"
    onPrimary: page.vm.done()
    title: page.vm.taken ? qsTr("Your number") : qsTr("Take a queue number")
    subtitle: page.vm.taken ? "" : qsTr("Choose what you need help with. Your ticket will be printed.")

    KText {
        objectName: "ticketBusy"
        width: parent.width
        visible: page.vm.busy
        text: page.vm.taken ? "" : qsTr("Please wait…")
        color: Theme.muted
    }
    KText {
        objectName: "ticketError"
        width: parent.width
        visible: text !== ""
        text: page.vm.errorText
        color: Theme.error
        font.bold: true
    }
    Flow {
        id: fieldFlow
        width: parent.width
        visible: !page.vm.taken
        spacing: Theme.gap
        readonly property int columns: Theme.scale > 1.2 ? 1 : 2
        Repeater {
            model: page.vm.fields
            delegate: KButton {
                id: fieldButton
                required property int index
                required property string modelData
                objectName: "ticketField_" + fieldButton.index
                width: (fieldFlow.width - (fieldFlow.columns - 1) * Theme.gap) / fieldFlow.columns
                implicitHeight: Theme.touch * 1.4
                enabled: !page.vm.busy
                text: fieldButton.modelData
                onClicked: page.vm.take(fieldButton.modelData)
            }
        }
    }
    KCard {
        width: parent.width
        visible: page.vm.taken
        height: ticketCol.implicitHeight + 48
        border.color: Theme.ok
        border.width: 4
        Column {
            id: ticketCol
            x: 24
            y: 24
            width: parent.width - 48
            spacing: 10
            KText {
                objectName: "ticketNumber"
                width: parent.width
                text: page.vm.number
                font.pixelSize: Theme.huge * 2.6
                font.bold: true
                color: Theme.primary === "#ffff00" ? Theme.text : Theme.primary
                horizontalAlignment: Text.AlignHCenter
            }
            KText { objectName: "ticketFieldName"; width: parent.width; text: page.vm.field; font.pixelSize: Theme.big; font.bold: true; horizontalAlignment: Text.AlignHCenter }
            KText { objectName: "ticketAhead"; width: parent.width; text: page.vm.aheadText; horizontalAlignment: Text.AlignHCenter }
            KText { objectName: "ticketWait"; width: parent.width; visible: text !== ""; text: page.vm.waitText; horizontalAlignment: Text.AlignHCenter }
            KText { width: parent.width; text: qsTr("Please wait until your number is called."); font.pixelSize: Theme.big; font.bold: true; horizontalAlignment: Text.AlignHCenter }
            KText { objectName: "ticketPrint"; width: parent.width; visible: text !== ""; text: page.vm.printText; color: Theme.error; horizontalAlignment: Text.AlignHCenter }
        }
    }
}
