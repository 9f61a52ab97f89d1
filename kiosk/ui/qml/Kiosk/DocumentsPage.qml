pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Papers: scan each one (pages are shown as thumbnails with a count) or bring the paper to the counter.
KPage {
    id: page
    primaryText: qsTr("Continue")
    primaryName: "documentsNext"
    onPrimary: page.vm.next()
    readonly property var vm: page.kiosk.documents
    title: qsTr("Your papers")
    subtitle: qsTr("Put a paper face down on the scanner glass and touch Scan. Your originals stay with you.")

    KText {
        objectName: "documentsError"
        width: parent.width
        visible: page.vm.errorText !== ""
        text: "⚠ " + page.vm.errorText
        color: Theme.error
        font.bold: true
    }
    Repeater {
        model: page.vm.items
        delegate: KCard {
            id: doc
            required property var modelData
            width: parent.width
            height: docCol.implicitHeight + 40
            border.color: modelData.missing ? Theme.error : Theme.border
            Column {
                id: docCol
                x: 24
                y: 20
                width: parent.width - 48
                spacing: 12
                KText { width: parent.width; text: doc.modelData.name + (doc.modelData.required ? " *" : ""); font.bold: true; font.pixelSize: Theme.big }
                KText { width: parent.width; visible: doc.modelData.note !== ""; text: doc.modelData.note; color: Theme.muted; font.pixelSize: Theme.small }
                Row {
                    spacing: 10
                    visible: doc.modelData.pageCount > 0
                    Repeater {
                        model: doc.modelData.thumbs
                        delegate: Image {
                            required property string modelData
                            width: 90
                            height: 126
                            fillMode: Image.PreserveAspectFit
                            source: modelData
                        }
                    }
                }
                KText {
                    objectName: "pages_" + doc.modelData.index
                    width: parent.width
                    text: doc.modelData.reused ? qsTr("The copy from your earlier dossier will be used.")
                        : doc.modelData.paper ? qsTr("You will hand in the paper at the counter.")
                        : doc.modelData.pageCount === 0 ? (doc.modelData.required ? qsTr("Not scanned yet")
                            : qsTr("Not provided (optional): it will not be listed on your receipt"))
                        : qsTr("%n page(s) scanned", "", doc.modelData.pageCount)
                    color: doc.modelData.pageCount > 0 || doc.modelData.paper || doc.modelData.reused ? Theme.ok : Theme.muted
                    font.bold: true
                }
                // a returning citizen who agreed to keep scans: the same paper from an earlier dossier
                Row {
                    width: parent.width
                    spacing: 16
                    visible: doc.modelData.reuseOffer
                    Image {
                        objectName: "reuseThumb_" + doc.modelData.index
                        width: 90
                        height: 126
                        fillMode: Image.PreserveAspectFit
                        source: doc.modelData.reuseThumb
                    }
                    Column {
                        width: parent.width - 106
                        spacing: 8
                        KText { width: parent.width; text: qsTr("You handed in this paper in an earlier dossier (%n page(s)). You can use that copy instead of scanning again.", "", doc.modelData.reusePages) }
                        KButton {
                            objectName: "reuse_" + doc.modelData.index
                            width: parent.width
                            kind: doc.modelData.reused ? "primary" : "secondary"
                            text: doc.modelData.reused ? qsTr("Using the earlier copy ✓") : qsTr("Use the earlier copy")
                            onClicked: page.vm.setReuse(doc.modelData.index, !doc.modelData.reused)
                        }
                    }
                }
                GridLayout {
                    width: parent.width
                    columns: Theme.scale > 1.2 ? 1 : 3
                    columnSpacing: 12
                    rowSpacing: 12
                    KButton {
                        objectName: "scan_" + doc.modelData.index
                        Layout.fillWidth: true
                        kind: "primary"
                        enabled: !page.vm.scanning
                        text: doc.modelData.scanning ? qsTr("Scanning…") : (doc.modelData.pageCount > 0 ? qsTr("Scan another page") : qsTr("Scan"))
                        onClicked: page.vm.scan(doc.modelData.index)
                    }
                    KButton {
                        Layout.fillWidth: true
                        visible: doc.modelData.pageCount > 0
                        text: qsTr("Remove last page")
                        onClicked: page.vm.removeLastPage(doc.modelData.index)
                    }
                    KButton {
                        objectName: "paper_" + doc.modelData.index
                        Layout.fillWidth: true
                        visible: doc.modelData.pageCount === 0
                        kind: doc.modelData.paper ? "primary" : "secondary"
                        text: qsTr("I will hand in the paper at the counter")
                        font.pixelSize: Theme.body
                        onClicked: page.vm.setPaper(doc.modelData.index, !doc.modelData.paper)
                    }
                }
            }
        }
    }
}
