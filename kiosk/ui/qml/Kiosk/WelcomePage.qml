import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Welcome: one big main action (submit a dossier) and three others. A receipt QR scanned here opens
// tracking directly (the scanner types the code and Enter into the hidden field).
KPage {
    id: page
    title: qsTr("Hello! What would you like to do?")
    subtitle: qsTr("Touch a button. You can change the language or make the text larger at the top.")

    TextField {
        id: scanInput
        objectName: "welcomeScan"
        width: 1
        height: 1
        opacity: 0
        focus: true
        onAccepted: { if (page.kiosk.ready) { page.kiosk.track.lookup(text); page.kiosk.start("track") } text = "" }
    }

    KButton {
        objectName: "startSubmit"
        width: parent.width
        kind: "primary"
        enabled: page.kiosk.ready  // the database opens just after the first frame
        text: qsTr("Submit a dossier")
        hint: qsTr("Use your chip ID card")
        font.pixelSize: Theme.title
        implicitHeight: Theme.touch * 2
        onClicked: page.kiosk.start("submit")
    }
    GridLayout {
        width: parent.width
        columns: Theme.scale > 1.2 ? 1 : 3
        columnSpacing: Theme.gap
        rowSpacing: Theme.gap
        KButton {
            objectName: "startAccount"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touch * 1.6
            enabled: page.kiosk.ready
            text: qsTr("Create an account")
            hint: qsTr("Get messages about your dossiers")
            onClicked: page.kiosk.start("account")
        }
        KButton {
            objectName: "startTrack"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touch * 1.6
            enabled: page.kiosk.ready
            text: qsTr("Track a dossier")
            hint: qsTr("Type the code or scan the receipt")
            onClicked: page.kiosk.start("track")
        }
        KButton {
            objectName: "welcomeCallStaff"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touch * 1.6
            enabled: page.kiosk.ready
            text: qsTr("Call staff for help")
            hint: qsTr("Someone will come to you")
            onClicked: page.kiosk.callStaff()
        }
    }
    KButton {
        objectName: "startTicket"
        width: parent.width
        implicitHeight: Theme.touch * 1.4
        enabled: page.kiosk.ready
        text: qsTr("Take a queue number")
        hint: qsTr("For the counter; no ID card needed")
        onClicked: page.kiosk.ticket.open()
    }
    KText {
        // kiosk run draws this page before it reads the settings and opens the database (about a second)
        objectName: "welcomeStarting"
        width: parent.width
        visible: !page.kiosk.ready
        color: Theme.muted
        text: qsTr("Starting…")
    }
    KText {
        width: parent.width
        color: Theme.muted
        font.pixelSize: Theme.small
        text: qsTr("Your personal data is used only to handle your request and is erased from this kiosk when you finish.")
    }
}
