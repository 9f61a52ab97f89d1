import QtQuick
import QtQuick.Controls.Basic

// A labelled, large text input with its message right under it. The on-screen keyboard types into it
// (Main shows the keyboard while a field with kioskKeyboard = true has focus).
Column {
    id: root
    property string label: ""
    property string error: ""
    property string help: ""
    property bool numeric: false
    property bool secret: false
    property alias text: input.text
    property alias input: input
    property string placeholder: ""
    signal edited(string text)
    signal accepted()
    spacing: 6

    KText {
        width: root.width
        text: root.label
        font.bold: true
        visible: root.label !== ""
    }
    TextField {
        id: input
        objectName: root.objectName !== "" ? root.objectName + "_input" : ""
        property bool kioskKeyboard: true
        property bool kioskNumeric: root.numeric
        width: root.width
        height: Math.round(Theme.touch * 0.95)
        font.family: Theme.font
        font.pixelSize: Theme.big
        color: Theme.text
        placeholderText: root.placeholder
        placeholderTextColor: Theme.muted
        echoMode: root.secret ? TextInput.Password : TextInput.Normal
        Accessible.name: root.label !== "" ? root.label : root.placeholder
        onActiveFocusChanged: if (activeFocus) Guide.control(root.label)
        inputMethodHints: root.numeric ? Qt.ImhDigitsOnly : Qt.ImhNone
        leftPadding: 16
        background: Rectangle {
            radius: 10
            color: Theme.surface
            border.width: input.activeFocus ? 4 : Theme.borderWidth
            border.color: root.error !== "" ? Theme.error : (input.activeFocus ? Theme.focus : Theme.border)
        }
        onTextEdited: root.edited(text)
        onAccepted: root.accepted()
    }
    KText {
        objectName: root.objectName !== "" ? root.objectName + "_error" : ""
        width: root.width
        visible: root.error !== ""
        text: "⚠ " + root.error
        color: Theme.error
        font.bold: true
    }
    KText {
        width: root.width
        visible: root.help !== "" && root.error === ""
        text: root.help
        color: Theme.muted
        font.pixelSize: Theme.small
    }
}
