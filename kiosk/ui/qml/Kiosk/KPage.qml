import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Window

// The frame of a page: a big title, an optional line under it, and scrollable content. A step page sets
// primaryText and handles primary(): Main.qml then shows that action as a large button in the bottom bar,
// always visible however long the page scrolls.
Item {
    id: page
    required property var kiosk
    property string primaryText: ""
    property bool primaryEnabled: true
    // the name scripts and tests tap the bottom-bar action by (e.g. "acceptNotice"); kiosk.ui.driver maps it
    property string primaryName: ""
    signal primary()
    property string title: ""
    property string subtitle: ""
    // what "Nghe hướng dẫn" reads when the page appears: its title and its one instruction (the subtitle
    // unless the page says otherwise); the same translated strings the screen shows
    property string instruction: subtitle
    readonly property string spokenText: title + (instruction !== "" ? ". " + instruction : "")
    default property alias content: body.data
    property alias flick: flickable
    readonly property real contentWidth: Math.min(width - 80, 1100)

    // keep the field being typed into (and its label) in view when the keyboard takes half the screen
    function reveal() { page.revealItem(page.Window.activeFocusItem) }
    function revealItem(f) {
        if (!f || f.kioskKeyboard !== true)
            return
        const top = f.mapToItem(flickable.contentItem, 0, 0).y - 60
        const bottom = top + 60 + f.height + 20
        if (top < flickable.contentY)
            flickable.contentY = Math.max(0, top)
        else if (bottom > flickable.contentY + flickable.height)
            flickable.contentY = Math.max(0, Math.min(bottom - flickable.height, flickable.contentHeight - flickable.height))
    }
    // after the layout has settled; a Timer, not Qt.callLater, so nothing runs once the page is unloaded
    function revealLater() { revealTimer.restart() }
    Timer { id: revealTimer; interval: 0; onTriggered: page.reveal() }
    onHeightChanged: page.revealLater()
    // a new step of the same page (identify, account) starts at its top, with its title in view
    onTitleChanged: flickable.contentY = 0
    Connections {
        target: page.Window.window
        function onActiveFocusItemChanged() { page.revealLater() }
    }

    Flickable {
        id: flickable
        anchors.fill: parent
        contentWidth: width
        contentHeight: column.implicitHeight + 60
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar { width: 18; policy: flickable.contentHeight > flickable.height ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded }

        Column {
            id: column
            x: (flickable.width - page.contentWidth) / 2
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
