import QtQuick

// Body text in the kiosk font, wrapped, in the theme's colour and size.
Text {
    font.family: Theme.font
    font.pixelSize: Theme.body
    color: Theme.text
    wrapMode: Text.WordWrap
    lineHeight: 1.15
}
