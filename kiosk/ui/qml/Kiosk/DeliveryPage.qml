pragma ComponentBehavior: Bound
import QtQuick

// How to receive the result: at the counter, by post (address prefilled, editable) or electronically.
KPage {
    id: page
    primaryText: qsTr("Continue")
    primaryName: "deliveryNext"
    onPrimary: page.vm.deliveryNext()
    readonly property var vm: page.kiosk.submit
    title: qsTr("How do you want to receive the result?")
    instruction: qsTr("Choose one way, then touch Continue.")

    Repeater {
        model: [
            { key: "counter", label: qsTr("At the counter"), hint: qsTr("Come back with your receipt") },
            { key: "postal", label: qsTr("By post"), hint: qsTr("Public postal service (BCCI) brings it to your address") },
            { key: "online", label: qsTr("Electronically"), hint: qsTr("In your account on the national public service portal") }
        ]
        delegate: KButton {
            required property var modelData
            objectName: "delivery_" + modelData.key
            width: parent.width
            kind: page.vm.delivery === modelData.key ? "primary" : "secondary"
            text: (page.vm.delivery === modelData.key ? "✓ " : "") + modelData.label
            hint: modelData.hint
            onClicked: page.vm.setDelivery(modelData.key)
        }
    }
    KField {
        objectName: "address"
        width: parent.width
        visible: page.vm.delivery === "postal"
        label: qsTr("Address for the post")
        error: page.vm.addressError
        onEdited: (t) => page.vm.setAddress(t)
        Component.onCompleted: text = page.vm.address
    }
}
