pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Account: phone (any SIM: identity comes from the card), optional e-mail, the code from the text
// message, separate un-ticked consents, a summary. An existing account is shown, not duplicated.
KPage {
    id: page
    readonly property var vm: page.kiosk.account
    title: vm.step === "otp" ? qsTr("Type the code we sent")
         : vm.step === "consents" ? qsTr("Optional: what else may we do?")
         : vm.step === "summary" ? qsTr("Check and create your account")
         : vm.step === "done" ? qsTr("Your account is ready")
         : vm.step === "existing" ? qsTr("You already have an account")
         : qsTr("Create an account")
    instruction: vm.step === "otp" ? qsTr("Type the 6-digit code from the text message.")
         : vm.step === "consents" ? qsTr("Tick only what you agree to. Everything here is optional.")
         : vm.step === "summary" ? qsTr("Check the details, then create the account.")
         : vm.step === "done" ? qsTr("With this account you can file dossiers and follow them, here or online.")
         : vm.step === "existing" ? qsTr("Continue with the account you already have.")
         : qsTr("Type a phone number to receive a code. The number does not have to be in your name.")

    KText {
        objectName: "accountError"
        width: parent.width
        visible: page.vm.errorText !== ""
        text: "⚠ " + page.vm.errorText
        color: Theme.error
        font.bold: true
    }

    // phone + e-mail
    Column {
        width: parent.width
        spacing: Theme.gap
        visible: page.vm.step === "phone"
        KText { width: parent.width; text: qsTr("We send a code and later news about your dossiers to this phone. It can be a relative's phone."); color: Theme.muted }
        KField {
            id: phoneField
            objectName: "phone"
            width: parent.width
            label: qsTr("Mobile phone number")
            placeholder: "0912 345 678"
            numeric: true
            error: page.vm.phoneError
            Component.onCompleted: text = page.vm.phone
        }
        KField {
            id: emailField
            objectName: "email"
            width: parent.width
            label: qsTr("E-mail (optional)")
            error: page.vm.emailError
            Component.onCompleted: text = page.vm.email
        }
        KButton {
            objectName: "sendCode"
            width: parent.width
            kind: "primary"
            enabled: !page.vm.busy
            text: qsTr("Send me the code")
            onClicked: page.vm.sendCode(phoneField.text, emailField.text)
        }
        KButton {
            objectName: "skipAccount"
            width: parent.width
            kind: "quiet"
            visible: page.kiosk.intent === "submit"
            text: qsTr("Continue without an account")
            onClicked: page.vm.proceed()
        }
    }

    // OTP
    Column {
        width: parent.width
        spacing: Theme.gap
        visible: page.vm.step === "otp"
        KText { width: parent.width; text: qsTr("A text message with a code was sent to %1.").arg(page.vm.maskedPhone); font.pixelSize: Theme.big }
        KField { id: codeField; objectName: "otpCode"; width: parent.width; label: qsTr("Code"); numeric: true; error: page.vm.codeError }
        KButton { objectName: "verifyCode"; width: parent.width; kind: "primary"; enabled: !page.vm.busy; text: qsTr("Confirm"); onClicked: page.vm.verifyCode(codeField.text) }
        RowLayout {
            width: parent.width
            spacing: Theme.gap
            KButton { Layout.fillWidth: true; text: qsTr("Send the code again"); onClicked: page.vm.resendCode() }
            KButton { Layout.fillWidth: true; text: qsTr("Change the phone number"); onClicked: page.vm.changePhone() }
        }
    }

    // consents
    Column {
        width: parent.width
        spacing: Theme.gap
        visible: page.vm.step === "consents"
        KText { width: parent.width; text: qsTr("Each box is optional and starts empty. Your dossier is handled the same either way."); color: Theme.muted }
        Repeater {
            model: page.vm.consentItems
            delegate: KCard {
                id: consentCard
                required property var modelData
                width: parent.width
                height: consentCol.implicitHeight + 40
                border.color: modelData.checked ? Theme.primary : Theme.border
                Row {
                    x: 20
                    y: 20
                    width: parent.width - 40
                    spacing: 20
                    Rectangle {
                        objectName: "consent_" + consentCard.modelData.key
                        width: 56
                        height: 56
                        radius: 8
                        border.width: 3
                        border.color: Theme.primary
                        color: consentCard.modelData.checked ? Theme.primary : Theme.surface
                        Text { anchors.centerIn: parent; text: consentCard.modelData.checked ? "✓" : ""; color: Theme.primaryText; font.pixelSize: 40 }
                    }
                    Column {
                        id: consentCol
                        width: parent.width - 80
                        spacing: 6
                        KText { width: parent.width; text: consentCard.modelData.title; font.bold: true }
                        KText { width: parent.width; text: consentCard.modelData.text; color: Theme.muted; font.pixelSize: Theme.small }
                    }
                }
                MouseArea {
                    anchors.fill: parent
                    Accessible.role: Accessible.CheckBox
                    Accessible.name: consentCard.modelData.title
                    Accessible.checked: consentCard.modelData.checked
                    onPressed: Guide.control(consentCard.modelData.title)
                    onClicked: page.vm.setConsent(consentCard.modelData.key, !consentCard.modelData.checked)
                }
            }
        }
        KButton { objectName: "consentsNext"; width: parent.width; kind: "primary"; text: qsTr("Continue"); onClicked: page.vm.toSummary() }
    }

    // summary
    Column {
        width: parent.width
        spacing: Theme.gap
        visible: page.vm.step === "summary"
        KCard {
            width: parent.width
            height: sumCol.implicitHeight + 40
            Column {
                id: sumCol
                x: 20
                y: 20
                width: parent.width - 40
                spacing: 8
                KText { width: parent.width; text: qsTr("Name: %1").arg(page.kiosk.identify.fullName) }
                KText { width: parent.width; text: qsTr("Phone: %1").arg(page.vm.phone) }
                KText { width: parent.width; text: qsTr("E-mail: %1").arg(page.vm.email === "" ? qsTr("none") : page.vm.email) }
                Repeater {
                    model: page.vm.consentItems
                    delegate: KText {
                        required property var modelData
                        width: parent.width
                        text: modelData.title + ": " + (modelData.checked ? qsTr("yes") : qsTr("no"))
                    }
                }
            }
        }
        KButton { objectName: "createAccount"; width: parent.width; kind: "primary"; enabled: !page.vm.busy; text: qsTr("Create my account"); onClicked: page.vm.create() }
    }

    // done / existing
    Column {
        width: parent.width
        spacing: Theme.gap
        visible: page.vm.step === "done" || page.vm.step === "existing"
        KText { width: parent.width; text: qsTr("Messages will go to %1.").arg(page.vm.maskedPhone); font.pixelSize: Theme.big }
        KText {
            objectName: "accountPurpose"
            width: parent.width
            text: qsTr("What it is for: you get a text message each time one of your dossiers moves on (received, needs more papers, result ready), and next time this kiosk knows you from your ID card, so you skip this step.")
        }
        KButton {
            objectName: "accountContinue"
            width: parent.width
            kind: "primary"
            text: page.kiosk.intent === "submit" ? qsTr("Continue to the procedures") : qsTr("Finish")
            onClicked: page.vm.proceed()
        }
    }
    KText { width: parent.width; visible: page.vm.step === "loading" || page.vm.busy; text: qsTr("Please wait…") }
}
