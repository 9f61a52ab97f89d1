import QtQuick

// A white panel with a border: groups one thing on a page.
Rectangle {
    color: Theme.surface
    radius: Theme.radius
    border.color: Theme.border
    border.width: Theme.borderWidth
}
