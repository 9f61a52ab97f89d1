pragma Singleton
import QtQuick

// Colours, type sizes and spacing for every page. "scale" is the chữ lớn level (1.0 / 1.3 / 1.6) and
// "highContrast" switches to a black / white / yellow palette; Main binds both to the view model.
QtObject {
    property real scale: 1.0
    property bool highContrast: false

    readonly property string font: "Be Vietnam Pro"
    readonly property color bg: highContrast ? "#000000" : "#EEF2F7"
    readonly property color surface: highContrast ? "#000000" : "#FFFFFF"
    readonly property color border: highContrast ? "#FFFFFF" : "#C9D2DE"
    readonly property color text: highContrast ? "#FFFFFF" : "#14213D"
    readonly property color muted: highContrast ? "#FFFFFF" : "#4A5568"
    readonly property color header: highContrast ? "#000000" : "#0B4F9C"
    readonly property color headerText: highContrast ? "#FFFF00" : "#FFFFFF"
    readonly property color primary: highContrast ? "#FFFF00" : "#0B4F9C"
    readonly property color primaryText: highContrast ? "#000000" : "#FFFFFF"
    readonly property color secondary: highContrast ? "#000000" : "#FFFFFF"
    readonly property color secondaryText: highContrast ? "#FFFF00" : "#0B4F9C"
    readonly property color danger: highContrast ? "#FFFF00" : "#B3261E"
    readonly property color dangerText: highContrast ? "#000000" : "#FFFFFF"
    readonly property color error: highContrast ? "#FF8080" : "#B3261E"
    readonly property color ok: highContrast ? "#80FF80" : "#1E7B34"
    readonly property color accent: highContrast ? "#FFFF00" : "#C8102E"
    readonly property color banner: highContrast ? "#FFFF00" : "#FFF4CE"
    readonly property color bannerText: highContrast ? "#000000" : "#3D2E00"
    readonly property color focus: highContrast ? "#00FFFF" : "#F2A900"

    readonly property int body: Math.round(24 * scale)
    readonly property int small: Math.round(20 * scale)
    readonly property int title: Math.round(38 * scale)
    readonly property int big: Math.round(30 * scale)
    readonly property int huge: Math.round(54 * scale)
    readonly property int touch: Math.round(84 * Math.min(scale, 1.3))
    readonly property int gap: 20
    readonly property int radius: 14
    readonly property int borderWidth: highContrast ? 3 : 2
}
