pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic

// The procedure's form. Fields from the card are already filled in; messages appear under each field
// and nothing typed is ever lost when a check fails.
KPage {
    id: page
    primaryText: qsTr("Continue")
    primaryName: "formNext"
    onPrimary: page.vm.next()
    readonly property var vm: page.kiosk.form
    title: qsTr("Fill in the form")
    subtitle: qsTr("Fields marked * are required. Touch a box to type.")

    KText {
        objectName: "formErrorSummary"
        width: parent.width
        visible: page.vm.errorCount > 0
        text: "⚠ " + qsTr("Please correct the %n field(s) marked in red.", "", page.vm.errorCount)
        color: Theme.error
        font.bold: true
    }
    Repeater {
        model: page.vm.fields
        delegate: Column {
            id: fieldItem
            required property var modelData
            readonly property string err: page.vm.errors[modelData.name] || ""
            readonly property bool textual: ["text", "textarea", "date", "phone", "email", "id_number", "number"].indexOf(modelData.type) >= 0
            width: parent.width
            spacing: 8

            KField {
                objectName: "f_" + fieldItem.modelData.name
                visible: fieldItem.textual
                width: parent.width
                label: fieldItem.modelData.label + (fieldItem.modelData.required ? " *" : "")
                help: fieldItem.modelData.type === "date" ? qsTr("day/month/year, e.g. 05/09/2024") : fieldItem.modelData.help
                numeric: ["date", "phone", "id_number", "number"].indexOf(fieldItem.modelData.type) >= 0
                error: fieldItem.err
                onEdited: (t) => page.vm.setValue(fieldItem.modelData.name, t)
                Component.onCompleted: text = page.vm.valueOf(fieldItem.modelData.name)
            }
            KText {
                visible: fieldItem.modelData.type === "select"
                width: parent.width
                text: fieldItem.modelData.label + (fieldItem.modelData.required ? " *" : "")
                font.bold: true
            }
            Flow {
                id: choices
                visible: fieldItem.modelData.type === "select"
                width: parent.width
                spacing: 12
                property string current: page.vm.valueOf(fieldItem.modelData.name)
                Repeater {
                    model: fieldItem.modelData.options
                    delegate: KButton {
                        required property var modelData
                        objectName: "f_" + fieldItem.modelData.name + "_" + modelData.value
                        text: modelData.label
                        font.pixelSize: Theme.body
                        kind: choices.current === modelData.value ? "primary" : "secondary"
                        onClicked: { choices.current = modelData.value; page.vm.setValue(fieldItem.modelData.name, modelData.value) }
                    }
                }
            }
            Row {
                id: tick
                visible: fieldItem.modelData.type === "checkbox"
                width: parent.width
                spacing: 16
                property bool checked: page.vm.valueOf(fieldItem.modelData.name) === "True"
                Rectangle {
                    objectName: "f_" + fieldItem.modelData.name + "_box"
                    width: 56
                    height: 56
                    radius: 8
                    border.width: 3
                    border.color: fieldItem.err !== "" ? Theme.error : Theme.primary
                    color: tick.checked ? Theme.primary : Theme.surface
                    Text { anchors.centerIn: parent; text: tick.checked ? "✓" : ""; color: Theme.primaryText; font.pixelSize: 40 }
                    MouseArea {
                        anchors.fill: parent
                        Accessible.role: Accessible.CheckBox
                        Accessible.name: fieldItem.modelData.label
                        Accessible.checked: tick.checked
                        onPressed: Guide.control(fieldItem.modelData.label)
                        onClicked: { tick.checked = !tick.checked; page.vm.setValue(fieldItem.modelData.name, tick.checked) }
                    }
                }
                KText { width: parent.width - 80; text: fieldItem.modelData.label + (fieldItem.modelData.required ? " *" : "") }
            }
            KText {
                visible: !fieldItem.textual && fieldItem.err !== ""
                width: parent.width
                text: "⚠ " + fieldItem.err
                color: Theme.error
                font.bold: true
            }
        }
    }
    // un-ticked until the citizen ticks it: only then is an encrypted draft kept (kiosk.core.drafts)
    Row {
        width: parent.width
        spacing: 24
        Rectangle {
            objectName: "draftConsent"
            width: 56
            height: 56
            radius: 8
            border.width: 3
            border.color: Theme.primary
            color: page.kiosk.draftConsent ? Theme.primary : Theme.surface
            Text { anchors.centerIn: parent; text: page.kiosk.draftConsent ? "✓" : ""; color: Theme.primaryText; font.pixelSize: 40 }
            MouseArea {
                anchors.fill: parent
                Accessible.role: Accessible.CheckBox
                Accessible.name: qsTr("Keep a draft if the kiosk fails")
                Accessible.checked: page.kiosk.draftConsent
                onClicked: page.kiosk.setDraftConsent(!page.kiosk.draftConsent)
            }
        }
        KText {
            width: parent.width - 80
            text: qsTr("Keep a draft if the kiosk fails") + "\n" + qsTr("Only your card can reopen it; it is erased after 24 hours.")
        }
    }
}
