// The hall screen: the numbers called to the counters in huge type ("Số 015 → Quầy 3") and how many
// citizens wait per field. Layout only: every text comes from `hall` (HallViewModel, polled from the DB; the
// call lines and the announcement are kiosk.core.queue's), nothing is composed here.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

ApplicationWindow {
    id: win
    width: 1280
    height: 720
    visible: true
    title: "Màn hình gọi số"
    font.family: "Be Vietnam Pro"
    color: "#0f2744"

    required property var hall  // HallViewModel
    readonly property color accent: "#ffd54f"
    readonly property color soft: "#c9d6e8"

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 28
        spacing: 18

        RowLayout {
            Layout.fillWidth: true
            Label {
                text: win.hall.unitName
                color: win.soft; font.pixelSize: 26; font.bold: true
                elide: Text.ElideRight; Layout.fillWidth: true
            }
            Label { objectName: "clock"; text: win.hall.clockText; color: "white"; font.pixelSize: 34; font.bold: true }
        }

        Label {
            objectName: "error"
            text: win.hall.errorText; visible: text !== ""
            color: "#ff8a80"; font.pixelSize: 22
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 24

            // -- the calls -------------------------------------------------------------------------
            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 2
                spacing: 14

                Rectangle {
                    objectName: "latestPane"
                    Layout.fillWidth: true
                    Layout.preferredHeight: 300
                    radius: 16
                    color: "#163a66"
                    border.color: win.accent; border.width: win.hall.hasCall ? 4 : 0

                    Column {
                        anchors.centerIn: parent
                        width: parent.width - 48
                        spacing: 6
                        Label {
                            anchors.horizontalCenter: parent.horizontalCenter
                            text: win.hall.headline
                            color: win.soft; font.pixelSize: 30
                        }
                        Label {
                            objectName: "latestCall"
                            anchors.horizontalCenter: parent.horizontalCenter
                            text: win.hall.latestLine
                            visible: win.hall.hasCall
                            width: parent.width
                            horizontalAlignment: Text.AlignHCenter
                            fontSizeMode: Text.HorizontalFit; minimumPixelSize: 40
                            color: win.accent; font.pixelSize: 118; font.bold: true
                        }
                        Label {
                            anchors.horizontalCenter: parent.horizontalCenter
                            text: win.hall.latestField
                            color: "white"; font.pixelSize: 28
                        }
                    }
                }

                Label { text: "Số vừa gọi"; color: win.soft; font.pixelSize: 24; font.bold: true }

                GridLayout {
                    objectName: "previousCalls"
                    Layout.fillWidth: true
                    columns: 2
                    rowSpacing: 10; columnSpacing: 14
                    Repeater {
                        model: win.hall.previous
                        delegate: Rectangle {
                            required property var modelData
                            Layout.fillWidth: true
                            Layout.preferredHeight: 76
                            radius: 10
                            color: "#1d4677"
                            Label {
                                anchors.left: parent.left; anchors.leftMargin: 18
                                anchors.verticalCenter: parent.verticalCenter
                                text: parent.modelData.line
                                color: "white"; font.pixelSize: 40; font.bold: true
                            }
                            Label {
                                anchors.right: parent.right; anchors.rightMargin: 18
                                anchors.verticalCenter: parent.verticalCenter
                                text: parent.modelData.time
                                color: win.soft; font.pixelSize: 22
                            }
                        }
                    }
                }
                Item { Layout.fillHeight: true }
            }

            // -- who waits -------------------------------------------------------------------------
            Rectangle {
                objectName: "waitingPane"
                Layout.fillHeight: true
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                radius: 16
                color: "#163a66"

                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: 22
                    spacing: 12
                    Label { text: "Đang chờ"; color: win.soft; font.pixelSize: 28; font.bold: true }
                    Label {
                        objectName: "waitingTotal"
                        text: win.hall.waitingText
                        color: "white"; font.pixelSize: 64; font.bold: true
                    }
                    Repeater {
                        model: win.hall.waiting
                        delegate: RowLayout {
                            required property var modelData
                            Layout.fillWidth: true
                            Label {
                                text: parent.modelData.field; color: "white"; font.pixelSize: 26
                                elide: Text.ElideRight; Layout.fillWidth: true
                            }
                            Label { text: parent.modelData.count; color: win.accent; font.pixelSize: 32; font.bold: true }
                        }
                    }
                    Item { Layout.fillHeight: true }
                    Label {
                        text: "Vui lòng chú ý số trên phiếu của bạn"
                        color: win.soft; font.pixelSize: 20
                        wrapMode: Text.WordWrap; Layout.fillWidth: true
                    }
                }
            }
        }
    }
}
