pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts

// How was it? Five drawn faces (no emoji font needed); touching one finishes and erases the session.
KPage {
    id: page
    title: qsTr("How easy was it?")
    subtitle: qsTr("Touch a face. Thank you!")

    RowLayout {
        width: parent.width
        spacing: Theme.gap
        Repeater {
            model: [qsTr("Very hard"), qsTr("Hard"), qsTr("So-so"), qsTr("Easy"), qsTr("Very easy")]
            delegate: KCard {
                id: face
                required property string modelData
                required property int index
                readonly property real mood: (index - 2) / 2   // -1 … +1
                readonly property color tint: ["#C62828", "#EF6C00", "#F9A825", "#7CB342", "#2E7D32"][index]
                objectName: "rate_" + (index + 1)
                Layout.fillWidth: true
                Layout.preferredHeight: 230
                Column {
                    anchors.centerIn: parent
                    spacing: 10
                    Canvas {
                        id: canvas
                        anchors.horizontalCenter: parent.horizontalCenter
                        width: 110
                        height: 110
                        onPaint: {
                            const ctx = getContext("2d")
                            ctx.reset()
                            ctx.lineWidth = 7
                            ctx.strokeStyle = Theme.highContrast ? "#FFFFFF" : "#14213D"
                            ctx.fillStyle = face.tint
                            ctx.beginPath(); ctx.arc(55, 55, 50, 0, 2 * Math.PI); ctx.fill(); ctx.stroke()
                            ctx.fillStyle = "#14213D"
                            ctx.beginPath(); ctx.arc(38, 44, 7, 0, 2 * Math.PI); ctx.fill()
                            ctx.beginPath(); ctx.arc(72, 44, 7, 0, 2 * Math.PI); ctx.fill()
                            ctx.beginPath()
                            ctx.moveTo(30, 76 - face.mood * 4)
                            ctx.quadraticCurveTo(55, 76 + face.mood * 22, 80, 76 - face.mood * 4)
                            ctx.stroke()
                        }
                    }
                    KText { width: face.width - 16; horizontalAlignment: Text.AlignHCenter; text: face.modelData; font.bold: true }
                }
                MouseArea {
                    anchors.fill: parent
                    Accessible.role: Accessible.Button
                    Accessible.name: face.modelData
                    onPressed: Guide.control(face.modelData)
                    onClicked: page.kiosk.submit.rate(face.index + 1)
                }
            }
        }
    }
    KButton { objectName: "skipRating"; width: parent.width; kind: "quiet"; text: qsTr("Skip"); onClicked: page.kiosk.finish("completed") }
}
