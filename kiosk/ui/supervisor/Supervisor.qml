// The supervisor's end-of-day screen. Layout only: every figure, every pass/fail (`state`), the chart's axis and
// bar heights and the status line come from `supervisor` (SupervisorViewModel); this file decides nothing.
// Texts go through qsTr (context "Supervisor"; Vietnamese in kiosk/resources/translations/vi_texts.py).
// The 30-day chart is drawn on a Canvas (Qt Charts/Graphs are GPL-3/commercial).
pragma ComponentBehavior: Bound
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

    // the view model (SupervisorViewModel), set by window.py as an initial property
    required property var supervisor

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
        visible: !win.supervisor.loggedIn
        ColumnLayout {
            anchors.fill: parent; anchors.margins: 28; spacing: 12
            Label { text: qsTr("Supervisor login"); font.pixelSize: 22; font.bold: true; color: win.navy }
            Label { text: win.supervisor.unitName; color: "#555"; wrapMode: Text.WordWrap; Layout.fillWidth: true }
            TextField { id: userField; objectName: "username"; placeholderText: qsTr("User name"); Layout.fillWidth: true }
            TextField {
                id: pinField; objectName: "pin"; placeholderText: qsTr("PIN"); Layout.fillWidth: true
                echoMode: TextInput.Password; inputMethodHints: Qt.ImhDigitsOnly
                onAccepted: loginButton.clicked()
            }
            Label { text: win.supervisor.errorText; color: win.bad; visible: text !== ""; wrapMode: Text.WordWrap; Layout.fillWidth: true }
            Button {
                id: loginButton; objectName: "loginButton"; text: win.supervisor.busy ? qsTr("Checking…") : qsTr("Log in")
                enabled: !win.supervisor.busy; Layout.fillWidth: true
                onClicked: { win.supervisor.login(userField.text, pinField.text); pinField.text = "" }
            }
        }
    }

    // -- dashboard -----------------------------------------------------------------------------------
    ColumnLayout {
        objectName: "dashboard"
        anchors.fill: parent
        spacing: 0
        visible: win.supervisor.loggedIn

        Rectangle {
            Layout.fillWidth: true; height: 64; color: win.navy
            RowLayout {
                anchors.fill: parent; anchors.leftMargin: 20; anchors.rightMargin: 16; spacing: 10
                ColumnLayout {
                    spacing: 0
                    Label { text: qsTr("END-OF-DAY SUMMARY"); color: "white"; font.pixelSize: 18; font.bold: true }
                    Label { text: win.supervisor.unitName; color: "#c9d6e8"; font.pixelSize: 12 }
                }
                Item { Layout.fillWidth: true }
                Button { text: "◀"; implicitWidth: 44; onClicked: win.supervisor.shiftDay(-1) }
                Label { objectName: "dayLabel"; text: win.supervisor.dayText; color: "white"; font.pixelSize: 18; font.bold: true }
                Button { text: "▶"; implicitWidth: 44; enabled: !win.supervisor.isToday; onClicked: win.supervisor.shiftDay(1) }
                Button { text: qsTr("Today"); onClicked: win.supervisor.goToday() }
                Button { objectName: "refreshButton"; text: qsTr("Refresh"); onClicked: win.supervisor.refresh() }
                Button { text: qsTr("Export PDF"); onClicked: win.supervisor.export("pdf") }
                Button { text: qsTr("Export Excel"); onClicked: win.supervisor.export("xlsx") }
                Label { text: win.supervisor.staffName; color: "white"; font.pixelSize: 13; Layout.leftMargin: 8 }
                Button { objectName: "logoutButton"; text: qsTr("Log out"); onClicked: win.supervisor.logout() }
            }
        }

        Label {
            objectName: "statusLine"
            Layout.fillWidth: true; Layout.leftMargin: 20; Layout.topMargin: 6
            text: win.supervisor.statusLine
            color: win.supervisor.statusAlert ? win.bad : "#555"; font.pixelSize: 12
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
                        model: win.supervisor.glance
                        delegate: Rectangle {
                            id: glanceTile
                            objectName: "tile_" + glanceTile.modelData.key
                            required property var modelData
                            Layout.fillWidth: true; height: 74; radius: 8
                            color: "white"; border.width: glanceTile.modelData.alert ? 2 : 1
                            border.color: glanceTile.modelData.alert ? win.bad : "#d5dbe3"
                            Column {
                                anchors.fill: parent; anchors.margins: 10; spacing: 2
                                Label {
                                    text: glanceTile.modelData.value; font.pixelSize: 26; font.bold: true
                                    color: glanceTile.modelData.alert ? win.bad : win.navy
                                }
                                Label { text: glanceTile.modelData.label; font.pixelSize: 12; color: "#444"; elide: Text.ElideRight; width: parent.width }
                            }
                            MouseArea { anchors.fill: parent; onClicked: win.supervisor.drill(glanceTile.modelData.key) }
                        }
                    }
                }

                Label { text: qsTr("Indicators against their targets (QĐ 766)"); font.pixelSize: 15; font.bold: true; color: win.navy }
                RowLayout {
                    Layout.fillWidth: true; spacing: 10
                    Repeater {
                        model: win.supervisor.targets
                        delegate: Rectangle {
                            id: targetTile
                            objectName: "target_" + targetTile.modelData.key
                            required property var modelData
                            Layout.fillWidth: true; height: 104; radius: 8; color: "white"; border.color: "#d5dbe3"
                            Column {
                                anchors.fill: parent; anchors.margins: 10; spacing: 4
                                Label { text: targetTile.modelData.label; font.pixelSize: 12; color: "#444" }
                                Row {
                                    spacing: 8
                                    Label {
                                        objectName: "targetValue_" + targetTile.modelData.key
                                        text: targetTile.modelData.value; font.pixelSize: 26; font.bold: true
                                        color: win.stateColour(targetTile.modelData.state)
                                    }
                                    Label {
                                        text: targetTile.modelData.targetText; font.pixelSize: 12; color: "#666"
                                        anchors.baseline: parent.children[0].baseline
                                    }
                                }
                                Rectangle {   // progress bar with the target marked
                                    width: parent.width; height: 8; radius: 4; color: "#e6e9ef"
                                    Rectangle {
                                        width: parent.width * targetTile.modelData.bar; height: parent.height; radius: 4
                                        color: win.stateColour(targetTile.modelData.state); visible: targetTile.modelData.hasValue
                                    }
                                    Rectangle {
                                        x: parent.width * targetTile.modelData.targetX - 1; y: -3; width: 2; height: 14; color: "#333"
                                        visible: targetTile.modelData.hasTarget
                                    }
                                }
                                Label {
                                    objectName: "targetVerdict_" + targetTile.modelData.key
                                    text: targetTile.modelData.verdictLine
                                    font.pixelSize: 12; color: win.stateColour(targetTile.modelData.state)
                                }
                            }
                            MouseArea { anchors.fill: parent; onClicked: win.supervisor.drill(targetTile.modelData.key) }
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
                        property var model: win.supervisor.chart
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
                            for (let t = 0; t < ticks.length; t++) {
                                const gy = bottom - plotH * ticks[t].y;
                                ctx.beginPath(); ctx.moveTo(left, gy); ctx.lineTo(left + plotW, gy); ctx.stroke();
                                ctx.fillText(String(ticks[t].value), 4, gy + 4);
                            }
                            var slot = plotW / n, bw = Math.max(2, slot * 0.38);
                            for (let i = 0; i < n; i++) {
                                const p = bars[i], x = left + i * slot + slot * 0.1;
                                const h1 = plotH * p.received, h2 = plotH * p.online;
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
                    visible: !win.supervisor.drillOpen
                    // queue tickets of the day (report "queue"): issued, waiting now, median wait issue → call
                    Rectangle {
                        objectName: "queueCard"
                        Layout.fillWidth: true; height: 78; radius: 8; color: "#f7f9fc"; border.color: "#d5dbe3"
                        visible: win.supervisor.queue.length > 0
                        Column {
                            anchors.fill: parent; anchors.margins: 8; spacing: 2
                            Label { text: qsTr("Queue"); font.pixelSize: 13; font.bold: true; color: win.navy }
                            Row {
                                width: parent.width
                                Repeater {
                                    model: win.supervisor.queue
                                    delegate: Column {
                                        id: queueItem
                                        required property var modelData
                                        width: parent.width / 3
                                        Label {
                                            objectName: "queue_" + queueItem.modelData.key
                                            text: queueItem.modelData.value; font.pixelSize: 20; font.bold: true; color: win.navy
                                        }
                                        Label { text: queueItem.modelData.label; font.pixelSize: 11; color: "#444" }
                                    }
                                }
                            }
                        }
                    }
                    Label { text: qsTr("Indicators and kiosk operations"); font.pixelSize: 15; font.bold: true; color: win.navy }
                    ListView {
                        objectName: "indicatorList"
                        Layout.fillWidth: true; Layout.fillHeight: true; clip: true
                        model: win.supervisor.indicators
                        delegate: Rectangle {
                            id: indicatorRow
                            required property var modelData
                            width: ListView.view.width; height: 34; color: "transparent"
                            RowLayout {
                                anchors.fill: parent; spacing: 6
                                Label { text: indicatorRow.modelData.label; font.pixelSize: 12; Layout.fillWidth: true; elide: Text.ElideRight }
                                Label { text: indicatorRow.modelData.value; font.pixelSize: 13; font.bold: true }
                                Label {
                                    text: indicatorRow.modelData.verdict; font.pixelSize: 11; Layout.preferredWidth: 56
                                    color: win.stateColour(indicatorRow.modelData.state)
                                }
                            }
                            Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: "#eef0f3" }
                            MouseArea { anchors.fill: parent; enabled: indicatorRow.modelData.drillable; onClicked: win.supervisor.drill(indicatorRow.modelData.key) }
                        }
                    }
                }

                ColumnLayout {
                    objectName: "drillPane"
                    anchors.fill: parent; anchors.margins: 12; spacing: 6
                    visible: win.supervisor.drillOpen
                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            objectName: "drillTitle"; text: win.supervisor.drillTitle; font.pixelSize: 15; font.bold: true
                            color: win.navy; Layout.fillWidth: true; elide: Text.ElideRight
                        }
                        Button { objectName: "closeDrill"; text: qsTr("Close"); onClicked: win.supervisor.closeDrill() }
                    }
                    ListView {
                        objectName: "drillList"
                        Layout.fillWidth: true; Layout.fillHeight: true; clip: true
                        model: win.supervisor.drillRows
                        delegate: Column {
                            id: drillRow
                            required property var modelData
                            width: ListView.view.width; spacing: 1; bottomPadding: 6
                            Label { text: drillRow.modelData.code; font.pixelSize: 13; font.bold: true }
                            Label { text: drillRow.modelData.line; font.pixelSize: 11; color: "#555" }
                        }
                    }
                    Label { text: qsTr("No dossiers."); visible: win.supervisor.drillRows.length === 0; color: "#777" }
                }
            }
        }
    }
}
