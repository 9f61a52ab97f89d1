import QtQuick

// A procedure's detail: papers needed, fee, time limit, and what must still be done in person.
KPage {
    id: page
    primaryText: qsTr("Start this procedure")
    primaryName: "startProcedure"
    onPrimary: page.kiosk.procedures.start()
    readonly property var d: page.kiosk.procedures.detail
    title: d.name || ""
    subtitle: (d.field || "") + " · " + (d.level || "")

    KText {
        objectName: "detailLevel"
        width: parent.width
        text: page.d.partly === true
              ? qsTr("Partly online: you hand in the dossier here, but some steps are done at the counter (see below).")
              : qsTr("Fully online: the whole dossier is handed in at this kiosk.")
    }
    KCard {
        width: parent.width
        height: factsCol.implicitHeight + 40
        Column {
            id: factsCol
            x: 24
            y: 20
            width: parent.width - 48
            spacing: 8
            KText { objectName: "detailFee"; width: parent.width; text: qsTr("Fee: %1").arg(page.d.fee || ""); font.pixelSize: Theme.big }
            KText { width: parent.width; text: qsTr("Time to handle: %1").arg(page.d.timeLimit || ""); font.pixelSize: Theme.big }
            KText { width: parent.width; visible: (page.d.authority || "") !== ""; text: qsTr("Handled by: %1").arg(page.d.authority || ""); color: Theme.muted }
        }
    }
    KCard {
        width: parent.width
        visible: page.d.partly === true
        color: Theme.banner
        height: inPersonCol.implicitHeight + 40
        Column {
            id: inPersonCol
            x: 24
            y: 20
            width: parent.width - 48
            spacing: 6
            KText { width: parent.width; text: qsTr("You will still need to come in person for:"); font.bold: true; color: Theme.bannerText }
            KText { objectName: "detailInPerson"; width: parent.width; text: page.d.inPerson || ""; color: Theme.bannerText }
        }
    }
    KText { width: parent.width; text: qsTr("Papers you need"); font.pixelSize: Theme.big; font.bold: true }
    Repeater {
        model: page.d.documents || []
        delegate: KText {
            required property var modelData
            width: parent.width
            text: "• " + modelData.name + (modelData.counts ? " (" + modelData.counts + ")" : "") + (modelData.required ? "" : " — " + qsTr("if applicable"))
        }
    }
}
