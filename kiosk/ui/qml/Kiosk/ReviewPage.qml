pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts

// Everything on one screen with "Change" links, then the one button that submits.
KPage {
    id: page
    primaryText: page.vm.submitting ? qsTr("Submitting…") : qsTr("Submit the dossier")
    onPrimary: page.vm.submitDossier()
    primaryEnabled: !page.vm.submitting
    primaryName: "submitDossier"
    readonly property var vm: page.kiosk.submit
    title: qsTr("Check everything, then submit")

    // the card holder's own number is masked the same way in every section (as on "Is this you?"); other
    // numbers the citizen typed stay readable so they can be checked
    function shown(value) {
        const s = String(value)
        const masked = page.kiosk.identify.maskedId
        return /^[0-9]{12}$/.test(s) && masked !== "" && s.slice(0, 3) + " ••• ••• " + s.slice(9) === masked ? masked : s
    }
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
                        text: modelData.label + ": " + page.shown(modelData.value)
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
}
