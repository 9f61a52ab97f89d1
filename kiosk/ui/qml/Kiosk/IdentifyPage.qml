pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Identify: place the card, give its key (scan the card's QR, or type ID + date of birth), watch the
// progress, then confirm "Is this you?". Every error says what to do and offers retry or staff.
KPage {
    id: page
    readonly property var vm: page.kiosk.identify
    title: vm.step === "confirm" ? qsTr("Is this you?")
         : vm.step === "reading" ? qsTr("Reading your card…")
         : vm.step === "error" && vm.errorKind === "untrusted" ? qsTr("This card cannot be verified")
         : vm.step === "error" ? qsTr("The card could not be read")
         : vm.step === "typed" ? qsTr("Type your ID number and date of birth")
         : qsTr("Scan the QR code on your ID card")
    // one thing to do at a time: first the card's key (its QR, or the number typed), then the card on the reader
    subtitle: vm.step === "place" ? qsTr("Step 1 of 2") : vm.step === "reading" ? qsTr("Step 2 of 2") : ""
    // "Is this you?": the yes is the page's main action, in the bottom bar (always on screen, even in large text)
    primaryText: vm.step === "confirm" ? qsTr("Yes, this is me") : ""
    primaryName: "confirmYes"
    onPrimary: page.vm.confirm()
    instruction: vm.step === "confirm" ? qsTr("Check the name and date of birth. If they are yours, touch Yes, this is me.")
         : vm.step === "reading" ? qsTr("Now lay your card flat on the reader and leave it there until the bar is full.")
         : vm.step === "error" && vm.errorKind === "untrusted" ? qsTr("Touch Call staff: an officer will help you at the counter.")
         : vm.step === "error" ? qsTr("Touch Try again, type the number instead, or call staff.")
         : vm.step === "typed" ? qsTr("Type the 12-digit ID number and your date of birth.")
         : qsTr("Hold the front of your ID card, where the QR code is printed, under the scanner light.")

    // --- place the card + scan its QR ---------------------------------------------------------------
    Column {
        width: parent.width
        spacing: Theme.gap
        visible: page.vm.step === "place"

        KCard {
            width: parent.width
            height: 260
            Rectangle {
                id: reader
                x: parent.width / 2 - width / 2
                y: 150
                width: 300
                height: 80
                radius: 16
                color: Theme.highContrast ? "#333333" : "#37474F"
                Text { anchors.centerIn: parent; text: qsTr("QR scanner"); color: "#FFFFFF"; font.family: Theme.font; font.pixelSize: Theme.small }
            }
            Rectangle {
                id: card
                x: parent.width / 2 - width / 2
                width: 200
                height: 126
                radius: 10
                color: Theme.highContrast ? "#FFFF00" : "#7FB2E5"
                border.color: Theme.border
                Rectangle { x: 20; y: 40; width: 40; height: 32; radius: 4; color: "#E0B84C" }
                Text { x: 72; y: 14; text: "CĂN CƯỚC"; font.family: Theme.font; font.pixelSize: 16; font.bold: true; color: "#102A43" }
                Grid {
                    // the QR printed on the front of the card
                    x: 138; y: 60; columns: 4; spacing: 0
                    Repeater {
                        model: [1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1]
                        delegate: Rectangle {
                            required property int modelData
                            width: 12; height: 12
                            color: modelData === 1 ? "#102A43" : "#FFFFFF"
                        }
                    }
                }
                SequentialAnimation on y {
                    loops: Animation.Infinite
                    running: page.vm.step === "place"
                    NumberAnimation { from: 6; to: 110; duration: 1400; easing.type: Easing.InOutQuad }
                    PauseAnimation { duration: 900 }
                    NumberAnimation { from: 110; to: 6; duration: 500 }
                }
            }
        }
        KText {
            objectName: "placeInstruction"
            width: parent.width
            text: qsTr("Hold the front of your ID card, where the QR code is printed, under the scanner light.")
            font.pixelSize: Theme.big
        }
        // kiosk demo: the virtual card is not in anyone's hand, so its data and its QR are offered here
        KCard {
            objectName: "demoCard"
            width: parent.width
            visible: page.kiosk.demoCard.qr !== undefined
            color: Theme.banner
            height: demoCol.implicitHeight + 40
            Column {
                id: demoCol
                x: 24
                y: 20
                width: parent.width - 48
                spacing: 12
                KText {
                    width: parent.width
                    color: Theme.bannerText
                    text: qsTr("Demo card: %1 · ID number %2 · born %3").arg(page.kiosk.demoCard.name || "")
                          .arg(page.kiosk.demoCard.id || "").arg(page.kiosk.demoCard.dob || "")
                }
                KButton {
                    objectName: "scanDemoQr"
                    width: parent.width
                    text: qsTr("Scan the demo card's QR code")
                    onClicked: page.vm.submitQr(page.kiosk.demoCard.qr)
                }
            }
        }
        TextField {
            id: qrInput
            objectName: "qrInput"
            width: 1
            height: 1
            opacity: 0
            focus: page.vm.step === "place"
            onAccepted: { page.vm.submitQr(text); text = "" }
        }
        KButton {
            objectName: "typeInstead"
            width: parent.width
            text: qsTr("No QR code? Type the ID number and date of birth")
            onClicked: page.vm.setStep("typed")
        }
    }

    // --- typed key --------------------------------------------------------------------------------
    Column {
        width: parent.width
        spacing: Theme.gap
        visible: page.vm.step === "typed"
        KText { width: parent.width; text: qsTr("Type the 12-digit number and the date of birth printed on your card. Then you will place the card on the reader.") }
        KField {
            id: idField
            objectName: "idNumber"
            width: parent.width
            label: qsTr("ID number (12 digits)")
            numeric: true
            error: page.vm.idError
            Component.onCompleted: text = page.vm.typedId
        }
        KField {
            id: dobField
            objectName: "dateOfBirth"
            width: parent.width
            label: qsTr("Date of birth (day/month/year)")
            placeholder: page.kiosk.demoCard.dob || qsTr("day/month/year")
            numeric: true
            error: page.vm.dobError
            Component.onCompleted: text = page.vm.typedDob
        }
        KButton {
            objectName: "readTyped"
            width: parent.width
            kind: "primary"
            text: qsTr("Read my card")
            onClicked: page.vm.submitTyped(idField.text, dobField.text)
        }
    }

    // --- reading ------------------------------------------------------------------------------------
    Column {
        width: parent.width
        spacing: Theme.gap
        visible: page.vm.step === "reading"
        KText { width: parent.width; text: qsTr("Now lay your card flat on the reader and leave it there until the bar is full."); font.pixelSize: Theme.big }
        ProgressBar {
            id: bar
            objectName: "readProgress"
            width: parent.width
            height: 40
            value: page.vm.progress
            background: Rectangle { radius: 20; color: Theme.surface; border.color: Theme.border; border.width: Theme.borderWidth }
            contentItem: Item {
                Rectangle { width: bar.visualPosition * parent.width; height: parent.height; radius: 20; color: Theme.primary }
            }
        }
        KText { width: parent.width; text: Math.round(page.vm.progress * 100) + " %"; horizontalAlignment: Text.AlignHCenter; font.pixelSize: Theme.big }
    }

    // --- confirm ----------------------------------------------------------------------------------
    KCard {
        width: parent.width
        height: confirmRow.implicitHeight + 48
        visible: page.vm.step === "confirm"
        RowLayout {
            id: confirmRow
            x: 24
            y: 24
            width: parent.width - 48
            spacing: 32
            Image {
                objectName: "cardPhoto"
                Layout.preferredWidth: 180
                Layout.preferredHeight: 240
                fillMode: Image.PreserveAspectFit
                source: page.vm.photo
            }
            Column {
                Layout.fillWidth: true
                spacing: 10
                KText { objectName: "cardName"; width: parent.width; text: page.vm.fullName; font.pixelSize: Theme.huge; font.bold: true }
                KText { width: parent.width; text: qsTr("Date of birth: %1").arg(page.vm.dateOfBirth); font.pixelSize: Theme.big }
                KText { width: parent.width; text: qsTr("ID number: %1").arg(page.vm.maskedId); font.pixelSize: Theme.big }
                KText { width: parent.width; text: page.vm.authenticity; color: Theme.ok; visible: text !== "" }
            }
        }
    }
    RowLayout {
        width: parent.width
        visible: page.vm.step === "confirm"
        spacing: Theme.gap
        KButton { objectName: "confirmNo"; Layout.fillWidth: true; text: qsTr("No, this is not me"); onClicked: page.vm.notMe() }
    }

    // --- error --------------------------------------------------------------------------------------
    KCard {
        width: parent.width
        height: errText.implicitHeight + 48
        visible: page.vm.step === "error"
        border.color: Theme.error
        KText { id: errText; objectName: "identifyError"; x: 24; y: 24; width: parent.width - 48; text: page.vm.errorText; font.pixelSize: Theme.big }
    }
    GridLayout {
        width: parent.width
        visible: page.vm.step === "error"
        columns: Theme.scale > 1.2 ? 1 : 3
        columnSpacing: Theme.gap
        rowSpacing: Theme.gap
        // a card that cannot be verified is refused however often it is read: only staff can help
        KButton { objectName: "retryRead"; Layout.fillWidth: true; kind: "primary"; visible: page.vm.errorKind !== "untrusted"; text: qsTr("Try again"); onClicked: page.vm.retry() }
        KButton { objectName: "typeAfterError"; Layout.fillWidth: true; visible: page.vm.errorKind !== "untrusted"; text: qsTr("Type the number"); onClicked: page.vm.setStep("typed") }
        KButton { objectName: "errorCallStaff"; Layout.fillWidth: true; kind: page.vm.errorKind === "untrusted" ? "primary" : "secondary"; text: qsTr("Call staff"); onClicked: page.kiosk.callStaff() }
    }
}
