pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts

// Everything on one screen with "Change" links, then the one button that submits.
KPage {
    id: page
    primaryText: page.vm.submitting ? qsTr("Submitting…") : qsTr("Submit the dossier")
    onPrimary: page.vm.submitDossier()
    primaryEnabled: !page.vm.submitting
    readonly property var vm: page.kiosk.submit
    title: qsTr("Check everything, then submit")
    instruction: qsTr("Read each part. Touch Change to correct it, or Submit the dossier when everything is right.")

    Repeater {
        model: page.vm.reviewSections
        delegate: KCard {
            id: sec
            required property var modelData
            width: parent.width
            height: secCol.implicitHeight + 36
            Column {
                id: secCol
                x: 24
                y: 18
                width: parent.width - 48
                spacing: 6
                RowLayout {
                    width: parent.width
                    KText { Layout.fillWidth: true; text: sec.modelData.title; font.bold: true; font.pixelSize: Theme.big }
                    KButton {
                        visible: sec.modelData.edit !== ""
                        objectName: "edit_" + sec.modelData.edit
                        text: qsTr("Change")
                        font.pixelSize: Theme.small
                        implicitHeight: Theme.touch * 0.8
                        onClicked: page.kiosk.goTo(sec.modelData.edit)
                    }
                }
                Repeater {
                    model: sec.modelData.rows
                    delegate: KText {
                        required property var modelData
                        width: parent.width
                        text: modelData.label + ": " + modelData.value
                    }
                }
            }
        }
    }
    KText {
        objectName: "submitError"
        width: parent.width
        visible: page.vm.errorText !== ""
        text: "⚠ " + page.vm.errorText
        color: Theme.error
        font.bold: true
    }
    KButton {
        objectName: "submitDossier"
        width: parent.width
        kind: "primary"
        enabled: !page.vm.submitting
        text: page.vm.submitting ? qsTr("Submitting…") : qsTr("Submit the dossier")
        font.pixelSize: Theme.title
        onClicked: page.vm.submitDossier()
    }
}
