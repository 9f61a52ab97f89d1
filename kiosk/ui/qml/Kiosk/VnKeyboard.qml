pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts

// The project's own on-screen keyboard (Qt Virtual Keyboard is GPL-3: see docs/UI.md). Letters, digits,
// tone buttons (sắc huyền hỏi ngã nặng) and mark buttons (â ê ô ă ơ ư đ) that change the word before the
// cursor; Telex typing while "Telex" is on. The rules are in Python (kiosk.keyboard); this draws keys.
Rectangle {
    id: root
    required property var kiosk
    property var target: null
    property bool numeric: target !== null && target.kioskNumeric === true
    property bool shifted: false
    color: Theme.highContrast ? "#000000" : "#D5DCE6"
    implicitHeight: grid.implicitHeight + 24

    function apply(res) {
        if (!target) return
        target.text = res.text
        target.cursorPosition = res.cursor
        target.textEdited()
    }
    function press(key) {
        if (!target) return
        var k = shifted ? key.toUpperCase() : key
        apply(kiosk.keyboard.type(target.text, target.cursorPosition, k))
        shifted = false
    }
    function mark(action) { if (target) apply(kiosk.keyboard.mark(target.text, target.cursorPosition, action)) }
    function backspace() { if (target) apply(kiosk.keyboard.backspace(target.text, target.cursorPosition)) }

    component Key: Rectangle {
        id: key
        property string label: ""
        property real units: 1
        property bool strong: false
        signal tapped()
        Layout.fillWidth: true
        Layout.preferredWidth: units * 100
        Layout.preferredHeight: Math.round(64 * Math.min(Theme.scale, 1.25))
        radius: 8
        color: area.pressed ? Theme.focus : (key.strong ? Theme.secondary : Theme.surface)
        border.color: key.strong ? Theme.secondaryText : Theme.border
        border.width: key.strong ? 3 : (Theme.highContrast ? 2 : 1)
        Text {
            anchors.centerIn: parent
            width: parent.width - 8
            horizontalAlignment: Text.AlignHCenter
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: 16
            text: key.label
            font.family: Theme.font
            font.bold: key.strong
            font.pixelSize: Math.round(28 * Math.min(Theme.scale, 1.25))
            color: key.strong ? Theme.secondaryText : Theme.text
        }
        MouseArea {
            id: area
            anchors.fill: parent
            Accessible.role: Accessible.Button
            Accessible.name: key.label
            onClicked: key.tapped()
        }
    }

    ColumnLayout {
        id: grid
        anchors.fill: parent
        anchors.margins: 12
        spacing: 8
        RowLayout {
            visible: !root.numeric
            spacing: 6
            Repeater {
                model: [["tone:sac", "´ sắc"], ["tone:huyen", "` huyền"], ["tone:hoi", "? hỏi"], ["tone:nga", "~ ngã"],
                        ["tone:nang", ". nặng"], ["shape:circumflex", "â ê ô"], ["shape:breve", "ă"], ["shape:horn", "ơ ư"],
                        ["shape:dbar", "đ"]]
                delegate: Key {
                    required property var modelData
                    objectName: "key_" + modelData[0].replace(":", "_")
                    label: modelData[1]
                    onTapped: root.mark(modelData[0])
                }
            }
        }
        Repeater {
            model: root.numeric ? ["123", "456", "789"] : ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"]
            delegate: RowLayout {
                id: keyRow
                required property string modelData
                spacing: 6
                Repeater {
                    model: keyRow.modelData.split("")
                    delegate: Key {
                        required property string modelData
                        objectName: "key_" + modelData
                        label: root.shifted ? modelData.toUpperCase() : modelData
                        onTapped: root.press(modelData)
                    }
                }
            }
        }
        RowLayout {
            spacing: 6
            Key { visible: !root.numeric; units: 1.5; label: "⇧"; objectName: "key_shift"; onTapped: root.shifted = !root.shifted }
            Key { visible: root.numeric; label: "/"; objectName: "key_slash"; onTapped: root.press("/") }
            Key { visible: root.numeric; label: "0"; objectName: "key_0n"; onTapped: root.press("0") }
            Key { visible: !root.numeric; units: 3; label: qsTr("space"); objectName: "key_space"; onTapped: root.press(" ") }
            Key { visible: !root.numeric; label: "@"; onTapped: root.press("@") }
            Key { visible: !root.numeric; label: "."; onTapped: root.press(".") }
            Key {
                visible: !root.numeric
                units: 1.5
                label: root.kiosk.keyboard.telex ? "Telex ✓" : "Telex"
                objectName: "key_telex"
                onTapped: root.kiosk.keyboard.telex = !root.kiosk.keyboard.telex
            }
            Key { units: 1.5; label: "⌫"; objectName: "key_backspace"; onTapped: root.backspace() }
            Key { units: 1.5; label: qsTr("Done"); objectName: "key_done"; onTapped: if (root.target) root.target.focus = false }
            // the bottom bar is hidden under the keyboard: calling staff stays one touch away
            Key {
                units: 2
                label: qsTr("Call staff")
                objectName: "key_callStaff"
                strong: true
                onTapped: root.kiosk.callStaff()
            }
        }
    }
}
