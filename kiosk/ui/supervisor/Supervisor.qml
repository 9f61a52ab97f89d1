// The supervisor's end-of-day screen. Layout only: every figure and action comes from `supervisor`
// (SupervisorViewModel). The 30-day chart is drawn on a Canvas (Qt Charts/Graphs are GPL-3/commercial).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

ApplicationWindow {
    id: win
    width: 1280
    height: 800
    visible: true
    title: "Giám sát – Tổng hợp cuối ngày"
    font.family: "Be Vietnam Pro"
    color: "#f3f5f8"

    readonly property color navy: "#17365d"
    readonly property color good: "#1b7f3b"
    readonly property color bad: "#b3261e"
    readonly property color barAll: "#9db8d9"
    readonly property color barOnline: "#1f5fa8"

    // -- login ---------------------------------------------------------------------------------------
    Rectangle {
        objectName: "loginPane"
        anchors.centerIn: parent
        width: 420; height: 330; radius: 10
        color: "white"; border.color: "#d5dbe3"
        visible: !supervisor.loggedIn
        ColumnLayout {
            anchors.fill: parent; anchors.margins: 28; spacing: 12
            Label { text: "Đăng nhập giám sát"; font.pixelSize: 22; font.bold: true; color: win.navy }
            Label { text: supervisor.unitName; color: "#555"; wrapMode: Text.WordWrap; Layout.fillWidth: true }
            TextField { id: userField; objectName: "username"; placeholderText: "Tên đăng nhập"; Layout.fillWidth: true }
            TextField {
                id: pinField; objectName: "pin"; placeholderText: "Mã PIN"; Layout.fillWidth: true
                echoMode: TextInput.Password; inputMethodHints: Qt.ImhDigitsOnly
                onAccepted: loginButton.clicked()
            }
            Label { text: supervisor.errorText; color: win.bad; visible: text !== ""; wrapMode: Text.WordWrap; Layout.fillWidth: true }
            Button {
                id: loginButton; objectName: "loginButton"; text: supervisor.busy ? "Đang kiểm tra…" : "Đăng nhập"
                enabled: !supervisor.busy; Layout.fillWidth: true
                onClicked: { supervisor.login(userField.text, pinField.text); pinField.text = "" }
            }
        }
    }

    // -- dashboard -----------------------------------------------------------------------------------
    ColumnLayout {
        objectName: "dashboard"
        anchors.fill: parent
        spacing: 0
        visible: supervisor.loggedIn

        Rectangle {
            Layout.fillWidth: true; height: 64; color: win.navy
            RowLayout {
                anchors.fill: parent; anchors.leftMargin: 20; anchors.rightMargin: 16; spacing: 10
                ColumnLayout {
                    spacing: 0
                    Label { text: "TỔNG HỢP CUỐI NGÀY"; color: "white"; font.pixelSize: 18; font.bold: true }
                    Label { text: supervisor.unitName; color: "#c9d6e8"; font.pixelSize: 12 }
                }
                Item { Layout.fillWidth: true }
                Button { text: "◀"; implicitWidth: 44; onClicked: supervisor.shiftDay(-1) }
                Label { objectName: "dayLabel"; text: supervisor.dayText; color: "white"; font.pixelSize: 18; font.bold: true }
                Button { text: "▶"; implicitWidth: 44; enabled: !supervisor.isToday; onClicked: supervisor.shiftDay(1) }
                Button { text: "Hôm nay"; onClicked: supervisor.goToday() }
                Button { objectName: "refreshButton"; text: "Làm mới"; onClicked: supervisor.refresh() }
                Button { text: "Xuất PDF"; onClicked: supervisor.export("pdf") }
                Button { text: "Xuất Excel"; onClicked: supervisor.export("xlsx") }
                Label { text: supervisor.staffName; color: "white"; font.pixelSize: 13; Layout.leftMargin: 8 }
                Button { objectName: "logoutButton"; text: "Đăng xuất"; onClicked: supervisor.logout() }
            }
        }

        Label {
            Layout.fillWidth: true; Layout.leftMargin: 20; Layout.topMargin: 6
            text: (supervisor.busy ? "Đang tải số liệu… " : "") + "Số liệu tính đến " + supervisor.asOfText
                  + (supervisor.errorText !== "" ? "  ·  " + supervisor.errorText : "")
                  + (supervisor.messageText !== "" ? "  ·  " + supervisor.messageText : "")
            color: supervisor.errorText !== "" ? win.bad : "#555"; font.pixelSize: 12
        }

        RowLayout {
            Layout.fillWidth: true; Layout.fillHeight: true; Layout.margins: 16; spacing: 16

            // left: glance, targets, chart
            ColumnLayout {
                Layout.fillWidth: true; Layout.fillHeight: true; spacing: 14

                Label { text: "Trong ngày"; font.pixelSize: 15; font.bold: true; color: win.navy }
                GridLayout {
                    columns: 5; rowSpacing: 10; columnSpacing: 10; Layout.fillWidth: true
                    Repeater {
                        model: supervisor.glance
                        delegate: Rectangle {
                            objectName: "tile_" + modelData.key
                            required property var modelData
                            Layout.fillWidth: true; height: 74; radius: 8
                            color: "white"; border.width: modelData.alert ? 2 : 1
                            border.color: modelData.alert ? win.bad : "#d5dbe3"
                            Column {
                                anchors.fill: parent; anchors.margins: 10; spacing: 2
                                Label {
                                    text: modelData.value; font.pixelSize: 26; font.bold: true
                                    color: modelData.alert ? win.bad : win.navy
                                }
                                Label { text: modelData.label; font.pixelSize: 12; color: "#444"; elide: Text.ElideRight; width: parent.width }
                            }
                            MouseArea { anchors.fill: parent; onClicked: supervisor.drill(modelData.key) }
                        }
                    }
                }

                Label { text: "Chỉ tiêu so với mục tiêu (QĐ 766)"; font.pixelSize: 15; font.bold: true; color: win.navy }
                RowLayout {
                    Layout.fillWidth: true; spacing: 10
                    Repeater {
                        model: supervisor.targets
                        delegate: Rectangle {
                            objectName: "target_" + modelData.key
                            required property var modelData
                            Layout.fillWidth: true; height: 104; radius: 8; color: "white"; border.color: "#d5dbe3"
                            Column {
                                anchors.fill: parent; anchors.margins: 10; spacing: 4
                                Label { text: modelData.label; font.pixelSize: 12; color: "#444" }
                                Row {
                                    spacing: 8
                                    Label {
                                        text: modelData.value; font.pixelSize: 26; font.bold: true
                                        color: !modelData.hasValue ? "#888" : modelData.met ? win.good : win.bad
                                    }
                                    Label {
                                        text: "mục tiêu " + modelData.targetText; font.pixelSize: 12; color: "#666"
                                        anchors.baseline: parent.children[0].baseline
                                    }
                                }
                                Rectangle {   // progress bar with the target marked
                                    width: parent.width; height: 8; radius: 4; color: "#e6e9ef"
                                    Rectangle {
                                        width: parent.width * Math.min(1, modelData.fraction); height: parent.height; radius: 4
                                        color: modelData.met ? win.good : win.bad; visible: modelData.hasValue
                                    }
                                    Rectangle { x: parent.width * Math.min(1, modelData.target) - 1; y: -3; width: 2; height: 14; color: "#333" }
                                }
                                Label {
                                    text: modelData.verdict; font.pixelSize: 12
                                    color: !modelData.hasValue ? "#888" : modelData.met ? win.good : win.bad
                                }
                            }
                            MouseArea { anchors.fill: parent; onClicked: supervisor.drill(modelData.key) }
                        }
                    }
                }

                Label { text: "30 ngày gần nhất: hồ sơ tiếp nhận và nộp điện tử"; font.pixelSize: 15; font.bold: true; color: win.navy }
                Rectangle {
                    Layout.fillWidth: true; Layout.fillHeight: true; Layout.minimumHeight: 200
                    radius: 8; color: "white"; border.color: "#d5dbe3"
                    Canvas {
                        id: chart
                        objectName: "chart"
                        anchors.fill: parent; anchors.margins: 12
                        property var points: supervisor.series
                        property int maxValue: supervisor.seriesMax
                        onPointsChanged: requestPaint()
                        onWidthChanged: requestPaint()
                        onHeightChanged: requestPaint()
                        onPaint: {
                            var ctx = getContext("2d");
                            ctx.reset();
                            var n = points.length;
                            if (n === 0) return;
                            var left = 34, bottom = height - 36, plotH = bottom - 22, plotW = width - left - 6;
                            var step = Math.max(1, Math.ceil(maxValue / 5));
                            var topVal = step * Math.ceil(maxValue / step);
                            ctx.font = "11px 'Be Vietnam Pro'";
                            ctx.fillStyle = "#666"; ctx.strokeStyle = "#e3e6ea"; ctx.lineWidth = 1;
                            for (var v = 0; v <= topVal; v += step) {
                                var gy = bottom - plotH * v / topVal;
                                ctx.beginPath(); ctx.moveTo(left, gy); ctx.lineTo(left + plotW, gy); ctx.stroke();
                                ctx.fillText(String(v), 4, gy + 4);
                            }
                            var slot = plotW / n, bw = Math.max(2, slot * 0.38);
                            for (var i = 0; i < n; i++) {
                                var p = points[i], x = left + i * slot + slot * 0.1;
                                var h1 = plotH * p.received / topVal, h2 = plotH * p.online / topVal;
                                ctx.fillStyle = win.barAll; ctx.fillRect(x, bottom - h1, bw, h1);
                                ctx.fillStyle = win.barOnline; ctx.fillRect(x + bw, bottom - h2, bw, h2);
                                if (p.late > 0) {
                                    ctx.fillStyle = win.bad;
                                    ctx.beginPath(); ctx.arc(x + bw, bottom - Math.max(h1, h2) - 6, 3, 0, 2 * Math.PI); ctx.fill();
                                }
                                if (i % 5 === 0 || i === n - 1) {
                                    ctx.fillStyle = "#555"; ctx.fillText(p.day, x - 4, bottom + 14);
                                }
                            }
                            // legend
                            var ly = height - 8;
                            ctx.fillStyle = win.barAll; ctx.fillRect(left, ly - 9, 10, 10);
                            ctx.fillStyle = "#333"; ctx.fillText("Tiếp nhận", left + 14, ly);
                            ctx.fillStyle = win.barOnline; ctx.fillRect(left + 100, ly - 9, 10, 10);
                            ctx.fillStyle = "#333"; ctx.fillText("Nộp điện tử (trực tuyến, ki-ốt)", left + 114, ly);
                            ctx.fillStyle = win.bad; ctx.beginPath(); ctx.arc(left + 335, ly - 4, 4, 0, 2 * Math.PI); ctx.fill();
                            ctx.fillStyle = "#333"; ctx.fillText("Có hồ sơ giải quyết trễ hạn", left + 344, ly);
                        }
                    }
                }
            }

            // right: drill-down or the indicator list
            Rectangle {
                Layout.preferredWidth: 400; Layout.fillHeight: true
                radius: 8; color: "white"; border.color: "#d5dbe3"

                ColumnLayout {
                    anchors.fill: parent; anchors.margins: 12; spacing: 6
                    visible: !supervisor.drillOpen
                    // queue tickets of the day (report "queue"): issued, waiting now, median wait issue → call
                    Rectangle {
                        objectName: "queueCard"
                        Layout.fillWidth: true; height: 78; radius: 8; color: "#f7f9fc"; border.color: "#d5dbe3"
                        visible: supervisor.queue.length > 0
                        Column {
                            anchors.fill: parent; anchors.margins: 8; spacing: 2
                            Label { text: "Hàng chờ"; font.pixelSize: 13; font.bold: true; color: win.navy }
                            Row {
                                width: parent.width
                                Repeater {
                                    model: supervisor.queue
                                    delegate: Column {
                                        required property var modelData
                                        width: parent.width / 3
                                        Label {
                                            objectName: "queue_" + modelData.key
                                            text: modelData.value; font.pixelSize: 20; font.bold: true; color: win.navy
                                        }
                                        Label { text: modelData.label; font.pixelSize: 11; color: "#444" }
                                    }
                                }
                            }
                        }
                    }
                    Label { text: "Chỉ số và vận hành ki-ốt"; font.pixelSize: 15; font.bold: true; color: win.navy }
                    ListView {
                        objectName: "indicatorList"
                        Layout.fillWidth: true; Layout.fillHeight: true; clip: true
                        model: supervisor.indicators
                        delegate: Rectangle {
                            required property var modelData
                            width: ListView.view.width; height: 34; color: "transparent"
                            RowLayout {
                                anchors.fill: parent; spacing: 6
                                Label { text: modelData.label; font.pixelSize: 12; Layout.fillWidth: true; elide: Text.ElideRight }
                                Label { text: modelData.value; font.pixelSize: 13; font.bold: true }
                                Label {
                                    text: modelData.verdict; font.pixelSize: 11; Layout.preferredWidth: 56
                                    color: modelData.verdict === "Đạt" ? win.good : win.bad
                                }
                            }
                            Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: "#eef0f3" }
                            MouseArea { anchors.fill: parent; enabled: modelData.drillable; onClicked: supervisor.drill(modelData.key) }
                        }
                    }
                }

                ColumnLayout {
                    objectName: "drillPane"
                    anchors.fill: parent; anchors.margins: 12; spacing: 6
                    visible: supervisor.drillOpen
                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            objectName: "drillTitle"; text: supervisor.drillTitle; font.pixelSize: 15; font.bold: true
                            color: win.navy; Layout.fillWidth: true; elide: Text.ElideRight
                        }
                        Button { objectName: "closeDrill"; text: "Đóng"; onClicked: supervisor.closeDrill() }
                    }
                    ListView {
                        objectName: "drillList"
                        Layout.fillWidth: true; Layout.fillHeight: true; clip: true
                        model: supervisor.drillRows
                        delegate: Column {
                            required property var modelData
                            width: ListView.view.width; spacing: 1; bottomPadding: 6
                            Label { text: modelData.code; font.pixelSize: 13; font.bold: true }
                            Label {
                                text: modelData.procedure + " · " + modelData.status + " · hẹn " + modelData.due
                                      + (modelData.timing !== "" ? " · " + modelData.timing : "")
                                font.pixelSize: 11; color: "#555"
                            }
                        }
                    }
                    Label { text: "Không có hồ sơ."; visible: supervisor.drillRows.length === 0; color: "#777" }
                }
            }
        }
    }
}
