pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts

// How was it? Five faces; touching one finishes and erases the session.
KPage {
    id: page
    title: qsTr("How easy was it?")
    subtitle: qsTr("Touch a face. Thank you!")

    RowLayout {
        width: parent.width
        spacing: Theme.gap
        Repeater {
            model: [["😞", qsTr("Very hard")], ["🙁", qsTr("Hard")], ["😐", qsTr("OK")], ["🙂", qsTr("Easy")], ["😄", qsTr("Very easy")]]
            delegate: KCard {
                id: face
                required property var modelData
                required property int index
                objectName: "rate_" + (index + 1)
                Layout.fillWidth: true
                Layout.preferredHeight: 220
                Column {
                    anchors.centerIn: parent
                    spacing: 8
                    Text { anchors.horizontalCenter: parent.horizontalCenter; text: face.modelData[0]; font.pixelSize: 88 }
                    KText { anchors.horizontalCenter: parent.horizontalCenter; text: face.modelData[1]; font.bold: true }
                }
                MouseArea { anchors.fill: parent; onClicked: page.kiosk.submit.rate(face.index + 1) }
            }
        }
    }
    KButton { objectName: "skipRating"; width: parent.width; kind: "quiet"; text: qsTr("Skip"); onClicked: page.kiosk.finish("completed") }
}
