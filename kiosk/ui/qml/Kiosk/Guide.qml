pragma Singleton
import QtQuick

// The spoken-guidance hook shared by the controls: Main.qml hands over the kiosk's voice view model, and a
// button or field reports its label when touched or focused; the voice reads it only when the citizen has
// turned "Nghe hướng dẫn" on.
QtObject {
    property var voice: null
    function control(label: string) {
        if (voice !== null && voice.enabled && label !== "")
            voice.control(label)
    }
}
