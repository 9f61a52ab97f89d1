import QtQuick
import QtQuick.Controls.Basic

// The frame of a page: a big title, an optional line under it, and scrollable content. A step page sets
// primaryText and handles primary(): Main.qml then shows that action as a large button in the bottom bar,
// always visible however long the page scrolls.
Item {
    id: page
    required property var kiosk
    property string primaryText: ""
    property bool primaryEnabled: true
    signal primary()
    property string title: ""
    property string subtitle: ""
    // what "Nghe hướng dẫn" reads when the page appears: its title and its one instruction (the subtitle
    // unless the page says otherwise); the same translated strings the screen shows
    property string instruction: subtitle
    readonly property string spokenText: title + (instruction !== "" ? ". " + instruction : "")
    default property alias content: body.data
    property alias flick: flick
    readonly property real contentWidth: Math.min(width - 80, 1100)

    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: width
        contentHeight: column.implicitHeight + 60
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar { width: 18; policy: flick.contentHeight > flick.height ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded }

        Column {
            id: column
            x: (flick.width - page.contentWidth) / 2
            y: 28
            width: page.contentWidth
            spacing: Theme.gap
            KText {
                objectName: "pageTitle"
                width: parent.width
                visible: page.title !== ""
                text: page.title
                font.pixelSize: Theme.title
                font.bold: true
            }
            KText {
                width: parent.width
                visible: page.subtitle !== ""
                text: page.subtitle
                color: Theme.muted
            }
            Column {
                id: body
                width: parent.width
                spacing: Theme.gap
            }
        }
    }
}
