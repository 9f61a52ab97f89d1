import QtQuick

// Hidden staff entry: user name and PIN. After sign-in a banner stays on every page.
KPage {
    id: page
    readonly property var vm: page.kiosk.staff
    title: qsTr("Staff sign-in")
    subtitle: qsTr("For officers helping a citizen. Actions are recorded under your name, on behalf of the citizen.")

    KField { id: userField; objectName: "staffUser"; width: parent.width; label: qsTr("User name"); Component.onCompleted: text = page.vm.username }
    KField { id: pinField; objectName: "staffPin"; width: parent.width; label: qsTr("PIN"); numeric: true; secret: true; error: page.vm.errorText }
    KButton {
        objectName: "staffLogin"
        width: parent.width
        kind: "primary"
        enabled: !page.vm.busy
        text: qsTr("Sign in")
        onClicked: { page.vm.login(userField.text, pinField.text); pinField.text = "" }
    }
}
