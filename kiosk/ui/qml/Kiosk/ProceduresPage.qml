pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Choose a procedure: search (no need for accents, small typos are fine), by field, or most used.
KPage {
    id: page
    readonly property var vm: page.kiosk.procedures
    title: qsTr("Which procedure do you need?")
    instruction: qsTr("Touch a procedure in the list, or type a few words to search.")

    KField {
        id: searchField
        objectName: "search"
        width: parent.width
        label: qsTr("Search (accents not needed)")
        placeholder: qsTr("for example: khai sinh, ket hon")
        onEdited: (t) => page.vm.search(t)
        Component.onCompleted: text = page.vm.query
    }
    Flow {
        width: parent.width
        spacing: 12
        Repeater {
            model: page.vm.fields
            delegate: KButton {
                required property var modelData
                objectName: "field_" + modelData.key
                kind: page.vm.currentField === modelData.key ? "primary" : "secondary"
                font.pixelSize: Theme.small
                implicitHeight: Theme.touch * 0.85
                text: modelData.name
                onClicked: { searchField.text = ""; page.vm.chooseField(modelData.key) }
            }
        }
    }
    KText { width: parent.width; text: page.vm.listTitle; font.pixelSize: Theme.big; font.bold: true }
    KText {
        // the catalogue's two levels, in plain words
        objectName: "levelsExplained"
        width: parent.width
        visible: page.vm.results.length > 0
        text: qsTr("“Fully online”: the whole dossier is handed in at this kiosk. “Partly online”: you start here, but some steps still need a visit to the counter.")
        color: Theme.muted
        font.pixelSize: Theme.small
    }
    KText {
        width: parent.width
        visible: page.vm.results.length === 0
        text: qsTr("Nothing found. Try other words, or call staff.")
        color: Theme.muted
    }
    Repeater {
        model: page.vm.results
        delegate: KCard {
            id: item
            required property var modelData
            required property int index
            objectName: "proc_" + index
            width: parent.width
            height: procCol.implicitHeight + 32
            Column {
                id: procCol
                x: 24
                y: 16
                width: parent.width - 120
                spacing: 4
                KText { width: parent.width; text: item.modelData.name; font.pixelSize: Theme.big; font.bold: true }
                KText { width: parent.width; text: item.modelData.field + " · " + item.modelData.level + " · " + item.modelData.fee; color: Theme.muted; font.pixelSize: Theme.small }
            }
            Text { anchors.right: parent.right; anchors.rightMargin: 24; anchors.verticalCenter: parent.verticalCenter; text: "›"; font.pixelSize: 56; color: Theme.primary }
            MouseArea {
                anchors.fill: parent
                Accessible.role: Accessible.Button
                Accessible.name: item.modelData.name
                onPressed: Guide.control(item.modelData.name)
                onClicked: page.vm.select(item.modelData.code)
            }
        }
    }
}
