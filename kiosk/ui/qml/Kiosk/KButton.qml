import QtQuick
import QtQuick.Controls.Basic

// A large touch button. kind: "primary" (the one main action), "secondary", "danger" or "quiet".
Button {
    id: control
    property string kind: "secondary"
    property string hint: ""
    focusPolicy: Qt.NoFocus
    // header buttons keep a fixed size (the header does not grow with "chữ lớn"), so they do not squeeze the title
    implicitHeight: Math.max(kind === "headerOn" || kind === "headerOff" ? 80 : Theme.touch, label.implicitHeight + 24)
    implicitWidth: Math.max(kind === "headerOn" || kind === "headerOff" ? 120 : Theme.touch * 2, label.implicitWidth + 40)
    font.family: Theme.font
    font.pixelSize: Theme.big
    font.bold: kind === "primary"

    readonly property bool onHeader: kind === "headerOn" || kind === "headerOff"
    Accessible.name: control.text + (control.hint !== "" ? ". " + control.hint : "")
    onPressed: Guide.control(control.text)
    contentItem: Item {
      implicitWidth: col.implicitWidth
      implicitHeight: col.implicitHeight
      Column {
        id: col
        width: parent.width
        anchors.verticalCenter: parent.verticalCenter
        spacing: 2
        Text {
            id: label
            width: parent.width
            text: control.text
            font: control.font
            color: control.kind === "primary" ? Theme.primaryText
                 : control.kind === "danger" ? Theme.dangerText
                 : control.kind === "headerOff" ? Theme.headerText
                 : control.kind === "headerOn" ? Theme.header : Theme.secondaryText
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            opacity: control.enabled ? 1.0 : 0.5
        }
        Text {
            width: parent.width
            visible: control.hint !== ""
            text: control.hint
            font.family: Theme.font
            font.pixelSize: Theme.small
            color: label.color
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
      }
    }
    background: Rectangle {
        radius: Theme.radius
        color: control.kind === "primary" ? Theme.primary
             : control.kind === "danger" ? Theme.danger
             : control.kind === "headerOn" ? Theme.headerText
             : control.kind === "headerOff" ? "transparent" : Theme.secondary
        border.width: control.kind === "quiet" ? 0 : Theme.borderWidth
        border.color: control.kind === "primary" ? Theme.primary
                    : control.onHeader ? Theme.headerText : Theme.secondaryText
        opacity: control.down ? 0.75 : (control.enabled ? 1.0 : 0.45)
    }
}
