// The supervisor's end-of-day screen. Layout only: every figure, every pass/fail (`state`), the chart's axis and
// bar heights and the status line come from `supervisor` (SupervisorViewModel); this file decides nothing.
// Texts go through qsTr (context "Supervisor"; Vietnamese in kiosk/resources/translations/vi_texts.py).
// The 30-day chart is drawn on a Canvas (Qt Charts/Graphs are GPL-3/commercial).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

ApplicationWindow {
    id: win
    width: 1280
    height: 800
    visible: true
    title: qsTr("Supervisor – end-of-day summary")
    font.family: "Be Vietnam Pro"
    color: "#f3f5f8"

    readonly property color navy: "#17365d"
    readonly property color good: "#1b7f3b"
    readonly property color bad: "#b3261e"
    readonly property color barAll: "#9db8d9"
    readonly property color barOnline: "#1f5fa8"
    function stateColour(state) { return state === "met" ? good : state === "unmet" ? bad : "#888" }

    // -- login ---------------------------------------------------------------------------------------
    Rectangle {
        objectName: "loginPane"
        anchors.centerIn: parent
        width: 420; height: 330; radius: 10
        color: "white"; border.color: "#d5dbe3"
        visible: !supervisor.loggedIn
        ColumnLayout {
            anchors.fill: parent; anchors.margins: 28; spacing: 12
            Label { text: qsTr("Supervisor login"); font.pixelSize: 22; font.bold: true; color: win.navy }
            Label { text: supervisor.unitName; color: "#555"; wrapMode: Text.WordWrap; Layout.fillWidth: true }
            TextField { id: userField; objectName: "username"; placeholderText: qsTr("User name"); Layout.fillWidth: true }
            TextField {
                id: pinField; objectName: "pin"; placeholderText: qsTr("PIN"); Layout.fillWidth: true
                echoMode: TextInput.Password; inputMethodHints: Qt.ImhDigitsOnly
                onAccepted: loginButton.clicked()
            }
            Label { text: supervisor.errorText; color: win.bad; visible: text !== ""; wrapMode: Text.WordWrap; Layout.fillWidth: true }
            Button {
                id: loginButton; objectName: "loginButton"; text: supervisor.busy ? qsTr("Checking…") : qsTr("Log in")
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
                    Label { text: qsTr("END-OF-DAY SUMMARY"); color: "white"; font.pixelSize: 18; font.bold: true }
                    Label { text: supervisor.unitName; color: "#c9d6e8"; font.pixelSize: 12 }
                }
                Item { Layout.fillWidth: true }
                Button { text: "◀"; implicitWidth: 44; onClicked: supervisor.shiftDay(-1) }
                Label { objectName: "dayLabel"; text: supervisor.dayText; color: "white"; font.pixelSize: 18; font.bold: true }
                Button { text: "▶"; implicitWidth: 44; enabled: !supervisor.isToday; onClicked: supervisor.shiftDay(1) }
                Button { text: qsTr("Today"); onClicked: supervisor.goToday() }
                Button { objectName: "refreshButton"; text: qsTr("Refresh"); onClicked: supervisor.refresh() }
                Button { text: qsTr("Export PDF"); onClicked: supervisor.export("pdf") }
                Button { text: qsTr("Export Excel"); onClicked: supervisor.export("xlsx") }
                Label { text: supervisor.staffName; color: "white"; font.pixelSize: 13; Layout.leftMargin: 8 }
                Button { objectName: "logoutButton"; text: qsTr("Log out"); onClicked: supervisor.logout() }
            }
        }

        Label {
            objectName: "statusLine"
            Layout.fillWidth: true; Layout.leftMargin: 20; Layout.topMargin: 6
            text: supervisor.statusLine
            color: supervisor.statusAlert ? win.bad : "#555"; font.pixelSize: 12
        }

        RowLayout {
            Layout.fillWidth: true; Layout.fillHeight: true; Layout.margins: 16; spacing: 16

            // left: glance, targets, chart
            ColumnLayout {
                Layout.fillWidth: true; Layout.fillHeight: true; spacing: 14

                Label { text: qsTr("Today so far"); font.pixelSize: 15; font.bold: true; color: win.navy }
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

                Label { text: qsTr("Indicators against their targets (QĐ 766)"); font.pixelSize: 15; font.bold: true; color: win.navy }
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
                                        objectName: "targetValue_" + modelData.key
                                        text: modelData.value; font.pixelSize: 26; font.bold: true
                                        color: win.stateColour(modelData.state)
                                    }
                                    Label {
                                        text: modelData.targetText; font.pixelSize: 12; color: "#666"
                                        anchors.baseline: parent.children[0].baseline
                                    }
                                }
                                Rectangle {   // progress bar with the target marked
                                    width: parent.width; height: 8; radius: 4; color: "#e6e9ef"
                                    Rectangle {
                                        width: parent.width * modelData.bar; height: parent.height; radius: 4
                                        color: win.stateColour(modelData.state); visible: modelData.hasValue
                                    }
                                    Rectangle {
                                        x: parent.width * modelData.targetX - 1; y: -3; width: 2; height: 14; color: "#333"
                                        visible: modelData.hasTarget
                                    }
                                }
                                Label {
                                    objectName: "targetVerdict_" + modelData.key
                                    text: modelData.verdictLine
                                    font.pixelSize: 12; color: win.stateColour(modelData.state)
                                }
                            }
                            MouseArea { anchors.fill: parent; onClicked: supervisor.drill(modelData.key) }
                        }
                    }
                }

                Label { text: qsTr("Last 30 days: dossiers received and filed electronically"); font.pixelSize: 15; font.bold: true; color: win.navy }
                Rectangle {
                    Layout.fillWidth: true; Layout.fillHeight: true; Layout.minimumHeight: 200
                    radius: 8; color: "white"; border.color: "#d5dbe3"
                    Canvas {
                        id: chart
                        objectName: "chart"
                        anchors.fill: parent; anchors.margins: 12
                        property var model: supervisor.chart
                        property string legendAll: qsTr("Received")
                        property string legendOnline: qsTr("Filed electronically (online, kiosk)")
                        property string legendLate: qsTr("Some dossiers solved late")
                        onModelChanged: requestPaint()
                        onWidthChanged: requestPaint()
                        onHeightChanged: requestPaint()
                        onPaint: {
                            var ctx = getContext("2d");
                            ctx.reset();
                            var bars = model.bars || [], ticks = model.ticks || [];
                            var n = bars.length;
                            if (n === 0) return;
                            var left = 34, bottom = height - 36, plotH = bottom - 22, plotW = width - left - 6;
                            ctx.font = "11px 'Be Vietnam Pro'";
                            ctx.fillStyle = "#666"; ctx.strokeStyle = "#e3e6ea"; ctx.lineWidth = 1;
                            for (var t = 0; t < ticks.length; t++) {
                                var gy = bottom - plotH * ticks[t].y;
                                ctx.beginPath(); ctx.moveTo(left, gy); ctx.lineTo(left + plotW, gy); ctx.stroke();
                                ctx.fillText(String(ticks[t].value), 4, gy + 4);
                            }
                            var slot = plotW / n, bw = Math.max(2, slot * 0.38);
                            for (var i = 0; i < n; i++) {
                                var p = bars[i], x = left + i * slot + slot * 0.1;
                                var h1 = plotH * p.received, h2 = plotH * p.online;
                                ctx.fillStyle = win.barAll; ctx.fillRect(x, bottom - h1, bw, h1);
                                ctx.fillStyle = win.barOnline; ctx.fillRect(x + bw, bottom - h2, bw, h2);
                                if (p.late) {
                                    ctx.fillStyle = win.bad;
                                    ctx.beginPath(); ctx.arc(x + bw, bottom - Math.max(h1, h2) - 6, 3, 0, 2 * Math.PI); ctx.fill();
                                }
                                if (p.labelled) {
                                    ctx.fillStyle = "#555"; ctx.fillText(p.day, x - 4, bottom + 14);
                                }
                            }
                            // legend
                            var ly = height - 8;
                            ctx.fillStyle = win.barAll; ctx.fillRect(left, ly - 9, 10, 10);
                            ctx.fillStyle = "#333"; ctx.fillText(legendAll, left + 14, ly);
                            ctx.fillStyle = win.barOnline; ctx.fillRect(left + 100, ly - 9, 10, 10);
                            ctx.fillStyle = "#333"; ctx.fillText(legendOnline, left + 114, ly);
                            ctx.fillStyle = win.bad; ctx.beginPath(); ctx.arc(left + 335, ly - 4, 4, 0, 2 * Math.PI); ctx.fill();
                            ctx.fillStyle = "#333"; ctx.fillText(legendLate, left + 344, ly);
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
                            Label { text: qsTr("Queue"); font.pixelSize: 13; font.bold: true; color: win.navy }
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
                    Label { text: qsTr("Indicators and kiosk operations"); font.pixelSize: 15; font.bold: true; color: win.navy }
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
                                    color: win.stateColour(modelData.state)
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
                        Button { objectName: "closeDrill"; text: qsTr("Close"); onClicked: supervisor.closeDrill() }
                    }
                    ListView {
                        objectName: "drillList"
                        Layout.fillWidth: true; Layout.fillHeight: true; clip: true
                        model: supervisor.drillRows
                        delegate: Column {
                            required property var modelData
                            width: ListView.view.width; spacing: 1; bottomPadding: 6
                            Label { text: modelData.code; font.pixelSize: 13; font.bold: true }
                            Label { text: modelData.line; font.pixelSize: 11; color: "#555" }
                        }
                    }
                    Label { text: qsTr("No dossiers."); visible: supervisor.drillRows.length === 0; color: "#777" }
                }
            }
        }
    }
}
