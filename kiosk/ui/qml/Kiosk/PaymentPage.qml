import QtQuick

// The fee and how to pay: VietQR on screen after submitting, or at the counter.
KPage {
    id: page
    primaryText: qsTr("Continue")
    primaryName: "paymentNext"
    onPrimary: page.kiosk.goTo("review")
    readonly property var vm: page.kiosk.submit
    title: qsTr("Fee: %1").arg(vm.feeText)
    subtitle: qsTr("Choose how you will pay. The QR code appears after you submit.")

    KButton {
        objectName: "pay_vietqr"
        width: parent.width
        kind: page.vm.payment === "vietqr" ? "primary" : "secondary"
        text: (page.vm.payment === "vietqr" ? "✓ " : "") + qsTr("Scan a QR code with a banking app")
        hint: qsTr("VietQR, any Vietnamese bank")
        onClicked: page.vm.setPayment("vietqr")
    }
    KButton {
        objectName: "pay_counter"
        width: parent.width
        kind: page.vm.payment === "counter" ? "primary" : "secondary"
        text: (page.vm.payment === "counter" ? "✓ " : "") + qsTr("Pay at the counter")
        hint: qsTr("In cash or by card when you come back")
        onClicked: page.vm.setPayment("counter")
    }
}
