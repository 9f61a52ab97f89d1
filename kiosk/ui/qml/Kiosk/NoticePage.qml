import QtQuick

// The privacy notice, shown before anything is read from the card (personal-data law).
KPage {
    id: page
    title: page.kiosk.identify.noticeTitle
    primaryText: qsTr("I understand, continue")
    primaryName: "acceptNotice"
    onPrimary: page.kiosk.identify.acceptNotice()
    instruction: qsTr("Read how your information is used, then touch the button below to continue.")

    KCard {
        width: parent.width
        height: noticeText.implicitHeight + 48
        KText {
            id: noticeText
            objectName: "noticeText"
            x: 24
            y: 24
            width: parent.width - 48
            text: page.kiosk.identify.noticeText
        }
    }
}
