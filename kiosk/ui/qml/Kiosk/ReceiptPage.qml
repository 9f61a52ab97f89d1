import QtQuick
import QtQuick.Layouts

// After submitting: the code, large; the deadlines; the slip (or a plain message and Reprint); the
// VietQR for the fee; what must still be done in person. No way back from here.
KPage {
    id: page
    primaryText: qsTr("Finish")
    primaryName: "receiptDone"
    onPrimary: page.vm.toRating()
    readonly property var vm: page.kiosk.submit
    title: qsTr("Your dossier has been submitted")
    instruction: qsTr("Take your printed receipt and keep it: you need it to follow your dossier and to collect the result.")

    KCard {
        width: parent.width
        height: codeCol.implicitHeight + 40
        border.color: Theme.ok
        border.width: 4
        Column {
            id: codeCol
            x: 24
            y: 20
            width: parent.width - 48
            spacing: 8
            KText { width: parent.width; text: qsTr("Dossier code"); color: Theme.muted; horizontalAlignment: Text.AlignHCenter }
            KText {
                // one line whatever the text size: the code shrinks to the card's width rather than break or spill
                objectName: "receiptCode"
                width: parent.width
                text: page.vm.code
                font.pixelSize: Theme.huge
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.NoWrap
                fontSizeMode: Text.HorizontalFit
                minimumPixelSize: 28
            }
            KText { width: parent.width; text: qsTr("An officer will check it before %1.").arg(page.vm.acceptDeadline); horizontalAlignment: Text.AlignHCenter }
            KText { width: parent.width; text: qsTr("Expected result: %1").arg(page.vm.expectedDue); horizontalAlignment: Text.AlignHCenter; font.bold: true }
        }
    }
    KCard {
        width: parent.width
        height: printCol.implicitHeight + 40
        border.color: page.vm.printState === "failed" ? Theme.error : Theme.border
        Column {
            id: printCol
            x: 24
            y: 20
            width: parent.width - 48
            spacing: 12
            KText {
                objectName: "printMessage"
                width: parent.width
                text: page.vm.printMessage
                color: page.vm.printState === "failed" ? Theme.error : Theme.text
                font.bold: page.vm.printState === "failed"
            }
            KButton {
                objectName: "reprint"
                visible: page.vm.printState === "failed"
                width: parent.width
                text: qsTr("Print again")
                onClicked: page.vm.printSlip()
            }
        }
    }
    KCard {
        objectName: "paymentCard"
        width: parent.width
        visible: page.vm.paymentState !== ""
        border.color: page.vm.paymentState === "paid" ? Theme.ok : Theme.border
        border.width: page.vm.paymentState === "paid" ? 4 : 1
        height: payRow.implicitHeight + 40
        RowLayout {
            id: payRow
            x: 20
            y: 20
            width: parent.width - 40
            spacing: 24
            Image {
                objectName: "paymentQr"
                visible: page.vm.paymentState === "waiting"
                Layout.preferredWidth: 300
                Layout.preferredHeight: 300
                source: page.vm.paymentQr
                fillMode: Image.PreserveAspectFit
            }
            Column {
                Layout.fillWidth: true
                spacing: 16
                KText {
                    objectName: "paymentText"
                    width: parent.width
                    text: (page.vm.paymentState === "paid" ? "✓ " : "") + page.vm.paymentText
                    color: page.vm.paymentState === "paid" ? Theme.ok : (page.vm.paymentState === "failed" ? Theme.error : Theme.text)
                    font.pixelSize: Theme.big
                    font.bold: page.vm.paymentState === "paid" || page.vm.paymentState === "failed"
                }
                KButton {
                    objectName: "payAtCounter"
                    visible: page.vm.paymentState === "waiting" || page.vm.paymentState === "requesting"
                    width: parent.width
                    text: qsTr("Pay at the counter instead")
                    onClicked: page.vm.payAtCounter()
                }
            }
        }
    }
    KCard {
        width: parent.width
        visible: page.vm.inPerson !== ""
        color: Theme.banner
        height: ipText.implicitHeight + 40
        KText { id: ipText; x: 24; y: 20; width: parent.width - 48; color: Theme.bannerText; text: qsTr("Still to do in person: %1").arg(page.vm.inPerson) }
    }
}
