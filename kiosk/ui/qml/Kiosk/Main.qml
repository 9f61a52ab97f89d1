pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The kiosk window: a header that is always there (language, chữ lớn, contrast, call staff), the current
// page, a footer with Back / Cancel, the on-screen keyboard, and the "are you still there?" countdown.
ApplicationWindow {
    id: root
    required property var kiosk
    width: 1280
    height: 800
    visible: true
    title: "Kiosk"
    color: Theme.bg
    font.family: Theme.font

    Binding { target: Theme; property: "scale"; value: root.kiosk.textScale }
    Binding { target: Theme; property: "highContrast"; value: root.kiosk.highContrast }

    // the on-screen keyboard serves fields that ask for it (KField sets kioskKeyboard)
    function keyboardField(f) { return f && f.kioskKeyboard === true ? f : null }
    readonly property var kbTarget: keyboardField(activeFocusItem)
    readonly property KPage currentPage: pageLoader.item as KPage
    onKbTargetChanged: if (root.kbTarget !== null) keyboardLoader.needed = true

    // spoken guidance: the page's title and instruction when it appears (and when the voice is turned on)
    Binding { target: Guide; property: "voice"; value: root.kiosk.voice }
    readonly property string spokenText: root.currentPage !== null ? root.currentPage.spokenText : ""
    function speakPage() {
        if (root.kiosk.voice.enabled && root.currentPage !== null)
            root.kiosk.voice.page(root.currentPage.spokenText)
    }
    onCurrentPageChanged: root.speakPage()

    header: Rectangle {
        objectName: "header"
        height: 92
        color: Theme.header
        border.color: Theme.border
        border.width: Theme.highContrast ? 2 : 0
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 20
            anchors.rightMargin: 16
            spacing: 12
            Rectangle {
                // the emblem area; a long press opens the hidden staff entry
                objectName: "staffEntry"
                Layout.preferredWidth: 64
                Layout.preferredHeight: 64
                radius: 32
                color: Theme.accent
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Staff sign-in (touch and hold)")
                Text { anchors.centerIn: parent; text: "★"; color: Theme.highContrast ? "#000000" : "#FFFF00"; font.pixelSize: 38 }
                MouseArea { anchors.fill: parent; pressAndHoldInterval: 1500; onPressAndHold: root.kiosk.staff.open() }
            }
            Column {
                Layout.fillWidth: true
                Text {
                    objectName: "headerTitle"
                    text: qsTr("Public service kiosk")
                    color: Theme.headerText
                    font.family: Theme.font
                    font.pixelSize: 30
                    font.bold: true
                    // shrinks rather than cuts the name when the header buttons need the room
                    fontSizeMode: Text.HorizontalFit
                    minimumPixelSize: 18
                    width: parent.width
                }
                Text {
                    text: qsTr("One-stop reception")
                    color: Theme.headerText
                    font.family: Theme.font
                    font.pixelSize: 20
                    fontSizeMode: Text.HorizontalFit
                    minimumPixelSize: 14
                    width: parent.width
                }
            }
            KButton {
                objectName: "langVi"
                // the language in use carries a tick as well as the filled style, so it reads without colour
                text: (root.kiosk.language === "vi" ? "✓ " : "") + "Tiếng Việt"
                kind: root.kiosk.language === "vi" ? "headerOn" : "headerOff"
                font.pixelSize: 21
                implicitHeight: 80
                onClicked: root.kiosk.setLanguage("vi")
            }
            KButton {
                objectName: "langEn"
                text: (root.kiosk.language === "en" ? "✓ " : "") + "English"
                kind: root.kiosk.language === "en" ? "headerOn" : "headerOff"
                font.pixelSize: 21
                implicitHeight: 80
                onClicked: root.kiosk.setLanguage("en")
            }
            KButton {
                objectName: "largeText"
                // says what a touch does next: larger, larger still, back to normal
                text: root.kiosk.textScale > 1.45 ? qsTr("Normal text")
                    : root.kiosk.textScale > 1.0 ? qsTr("Even larger text") : qsTr("Larger text")
                kind: "headerOff"  // an action ("make it larger" / "back to normal"), not a state to light up
                font.pixelSize: 21
                implicitHeight: 80
                onClicked: root.kiosk.cycleTextSize()
            }
            KButton {
                objectName: "highContrast"
                text: root.kiosk.highContrast ? qsTr("Normal colours") : qsTr("Contrast")
                kind: "headerOff"
                font.pixelSize: 21
                implicitHeight: 80
                onClicked: root.kiosk.setHighContrast(!root.kiosk.highContrast)
            }
            KButton {
                objectName: "voiceToggle"
                visible: root.kiosk.voice.available
                text: qsTr("Listen")
                hint: root.kiosk.voice.enabled ? qsTr("on") : ""
                Accessible.name: qsTr("Spoken guidance")
                kind: root.kiosk.voice.enabled ? "headerOn" : "headerOff"
                font.pixelSize: 21
                implicitHeight: 80
                onClicked: {
                    root.kiosk.voice.toggle()
                    root.speakPage()
                }
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            objectName: "staffBanner"
            Layout.fillWidth: true
            visible: root.kiosk.staff.active
            implicitHeight: staffRow.implicitHeight + 16
            color: Theme.highContrast ? "#00FFFF" : "#1E7B34"
            RowLayout {
                id: staffRow
                anchors.fill: parent
                anchors.margins: 8
                anchors.leftMargin: 20
                KText {
                    Layout.fillWidth: true
                    text: root.kiosk.staff.bannerText
                    color: Theme.highContrast ? "#000000" : "#FFFFFF"
                    font.bold: true
                }
                KButton {
                    objectName: "staffLogout"
                    text: qsTr("End assistance")
                    font.pixelSize: Theme.small
                    onClicked: root.kiosk.staff.logout()
                }
            }
        }

        Rectangle {
            objectName: "messageBanner"
            Layout.fillWidth: true
            visible: root.kiosk.message !== ""
            implicitHeight: msgRow.implicitHeight + 20
            color: Theme.banner
            RowLayout {
                id: msgRow
                anchors.fill: parent
                anchors.margins: 10
                anchors.leftMargin: 20
                KText {
                    objectName: "messageText"
                    Layout.fillWidth: true
                    text: root.kiosk.message
                    color: Theme.bannerText
                    font.bold: true
                }
                KButton {
                    text: qsTr("OK")
                    font.pixelSize: Theme.small
                    onClicked: root.kiosk.dismissMessage()
                }
            }
        }

        Loader {
            id: pageLoader
            objectName: "pageLoader"
            Layout.fillWidth: true
            Layout.fillHeight: true
            // pages are loaded by file when first shown: a Component per page here would make the engine
            // load and compile every page (and the controls they use) before the first frame
            readonly property string pageFile: {
                switch (root.kiosk.page) {
                case "notice": return "NoticePage.qml"
                case "identify": return "IdentifyPage.qml"
                case "account": return "AccountPage.qml"
                case "procedures": return "ProceduresPage.qml"
                case "detail": return "DetailPage.qml"
                case "form": return "FormPage.qml"
                case "documents": return "DocumentsPage.qml"
                case "delivery": return "DeliveryPage.qml"
                case "payment": return "PaymentPage.qml"
                case "review": return "ReviewPage.qml"
                case "receipt": return "ReceiptPage.qml"
                case "rating": return "RatingPage.qml"
                case "track": return "TrackPage.qml"
                case "staff": return "StaffPage.qml"
                case "ticket": return "TicketPage.qml"
                default: return "WelcomePage.qml"
                }
            }
            onPageFileChanged: setSource(pageFile, { kiosk: root.kiosk })
            Component.onCompleted: setSource(pageFile, { kiosk: root.kiosk })
        }

        Rectangle {
            id: footer
            objectName: "footer"
            Layout.fillWidth: true
            visible: root.kiosk.page !== "welcome" && root.kbTarget === null
            implicitHeight: footGrid.implicitHeight + 20
            color: Theme.surface
            border.color: Theme.border
            border.width: 1
            // footer type grows with "chữ lớn" up to ×1.3 only, so Back / Call staff / Cancel / the main action
            // stay on screen together; when they do not fit on one row the main action gets a row of its own
            readonly property int fontSize: Math.round(28 * Math.min(Theme.scale, 1.3))
            readonly property real needed: (backButton.visible ? backButton.implicitWidth + 16 : 0)
                + callStaffButton.implicitWidth + 16 + (cancelButton.visible ? cancelButton.implicitWidth + 16 : 0)
                + (footerNext.visible ? Math.max(footerNext.implicitWidth, 300) + 16 : 0) + 40
            readonly property bool twoRows: footerNext.visible && needed > width
            GridLayout {
                id: footGrid
                anchors.fill: parent
                anchors.margins: 10
                anchors.leftMargin: 20
                anchors.rightMargin: 20
                columns: 5
                columnSpacing: 16
                rowSpacing: 10
                KButton {
                    id: backButton
                    objectName: "backButton"
                    visible: root.kiosk.canGoBack
                    text: "‹  " + qsTr("Back")
                    font.pixelSize: footer.fontSize
                    Layout.row: 0
                    Layout.column: 0
                    onClicked: root.kiosk.back()
                }
                Item { Layout.row: 0; Layout.column: 1; Layout.fillWidth: true; implicitHeight: 1 }
                KButton {
                    id: callStaffButton
                    objectName: "callStaff"
                    text: qsTr("Call staff")
                    font.pixelSize: footer.fontSize
                    Layout.row: 0
                    Layout.column: 2
                    onClicked: root.kiosk.callStaff()
                }
                KButton {
                    id: cancelButton
                    objectName: "cancelButton"
                    visible: root.kiosk.page !== "receipt" && root.kiosk.page !== "rating"
                    text: qsTr("Cancel and erase")
                    kind: "quiet"
                    font.pixelSize: footer.fontSize
                    Layout.row: 0
                    Layout.column: 3
                    onClicked: root.kiosk.cancel()
                }
                KButton {
                    // the page's main action, always in reach (not only at the end of a scrolled page); the
                    // only copy of it: pages do not repeat it in their content
                    id: footerNext
                    objectName: "footerNext"
                    visible: root.currentPage !== null && root.currentPage.primaryText !== ""
                    enabled: root.currentPage !== null && root.currentPage.primaryEnabled
                    kind: "primary"
                    Layout.row: footer.twoRows ? 1 : 0
                    Layout.column: footer.twoRows ? 0 : 4
                    Layout.columnSpan: footer.twoRows ? 5 : 1
                    Layout.fillWidth: footer.twoRows
                    Layout.preferredWidth: footer.twoRows ? -1 : Math.max(implicitWidth, 300)
                    text: (root.currentPage !== null ? root.currentPage.primaryText : "") + " ›"
                    font.pixelSize: Math.round(34 * Math.min(Theme.scale, 1.3))
                    onClicked: if (root.currentPage !== null) root.currentPage.primary()
                }
            }
        }

        // built when a field needs it, not before the first frame (~40 keys)
        Loader {
            id: keyboardLoader
            Layout.fillWidth: true
            // built the first time a field needs it, then kept and only hidden: rebuilding it for every field
            // left the old keys around until a deferred delete, answering taps for a field that was gone
            property bool needed: false
            active: needed
            visible: root.kbTarget !== null
            sourceComponent: VnKeyboard {
                objectName: "keyboard"
                kiosk: root.kiosk
                target: root.kbTarget
            }
        }
    }

    // built only while shown: nothing of it is created before the first frame
    Loader {
        anchors.fill: parent
        active: root.kiosk.idleWarning
        sourceComponent: Component {
            Rectangle {
                objectName: "idleOverlay"
                visible: root.kiosk.idleWarning
                color: "#CC000000"
                MouseArea { anchors.fill: parent }
                KCard {
                    anchors.centerIn: parent
                    width: Math.min(parent.width - 80, 820)
                    height: idleCol.implicitHeight + 80
                    ColumnLayout {
                        id: idleCol
                        anchors.fill: parent
                        anchors.margins: 40
                        spacing: 24
                        KText {
                            Layout.fillWidth: true
                            text: qsTr("Are you still there?")
                            font.pixelSize: Theme.title
                            font.bold: true
                            horizontalAlignment: Text.AlignHCenter
                        }
                        KText {
                            objectName: "idleCountdown"
                            Layout.fillWidth: true
                            text: qsTr("For your safety, your information will be erased in %1 seconds.").arg(root.kiosk.idleSecondsLeft)
                            horizontalAlignment: Text.AlignHCenter
                        }
                        KButton {
                            objectName: "stillHere"
                            Layout.alignment: Qt.AlignHCenter
                            kind: "primary"
                            text: qsTr("I am still here")
                            onClicked: root.kiosk.stillHere()
                        }
                    }
                }
            }
        }
    }

    // after a while on one screen without moving on, the kiosk offers help once per visit (KioskViewModel)
    // built only while shown: nothing of it is created before the first frame
    Loader {
        anchors.fill: parent
        active: root.kiosk.helpOffer
        sourceComponent: Component {
            Rectangle {
                objectName: "helpOfferOverlay"
                anchors.fill: parent
                visible: root.kiosk.helpOffer && !root.kiosk.idleWarning
                // spoken too when "Nghe hướng dẫn" is on (the voice says nothing while it is off)
                function speak() { root.kiosk.voice.say(helpOfferTitle.text + " " + helpOfferText.text) }
                Component.onCompleted: if (visible) speak()
                onVisibleChanged: if (visible) speak()
                color: "#CC000000"
                MouseArea { anchors.fill: parent }
                KCard {
                    anchors.centerIn: parent
                    width: Math.min(parent.width - 80, 900)
                    height: helpCol.implicitHeight + 80
                    ColumnLayout {
                        id: helpCol
                        anchors.fill: parent
                        anchors.margins: 40
                        spacing: 24
                        KText {
                            id: helpOfferTitle
                            objectName: "helpOfferTitle"
                            Layout.fillWidth: true
                            text: qsTr("Would you like some help?")
                            font.pixelSize: Theme.title
                            font.bold: true
                            horizontalAlignment: Text.AlignHCenter
                        }
                        KText {
                            id: helpOfferText
                            Layout.fillWidth: true
                            text: qsTr("A staff member can come to this kiosk and help you. It is free.")
                            horizontalAlignment: Text.AlignHCenter
                        }
                        KButton {
                            objectName: "helpOfferCall"
                            Layout.fillWidth: true
                            kind: "primary"
                            text: qsTr("Yes, call staff")
                            onClicked: root.kiosk.acceptHelpOffer()
                        }
                        KButton {
                            objectName: "helpOfferContinue"
                            Layout.fillWidth: true
                            text: qsTr("No, I will continue myself")
                            onClicked: root.kiosk.declineHelpOffer()
                        }
                    }
                }
            }
        }
    }

    // built only while shown: nothing of it is created before the first frame
    Loader {
        anchors.fill: parent
        active: root.kiosk.draftOffer
        sourceComponent: Component {
            Rectangle {
                objectName: "draftOfferOverlay"
                anchors.fill: parent
                visible: root.kiosk.draftOffer
                color: "#CC000000"
                MouseArea { anchors.fill: parent }
                KCard {
                    anchors.centerIn: parent
                    width: Math.min(parent.width - 80, 820)
                    height: draftCol.implicitHeight + 80
                    ColumnLayout {
                        id: draftCol
                        anchors.fill: parent
                        anchors.margins: 40
                        spacing: 24
                        KText {
                            Layout.fillWidth: true
                            text: qsTr("Continue the dossier you started?")
                            font.pixelSize: Theme.title
                            font.bold: true
                            horizontalAlignment: Text.AlignHCenter
                        }
                        KButton {
                            objectName: "draftResume"
                            Layout.fillWidth: true
                            kind: "primary"
                            text: qsTr("Continue where I was")
                            onClicked: root.kiosk.resumeDraft()
                        }
                        KButton {
                            objectName: "draftDiscard"
                            Layout.fillWidth: true
                            text: qsTr("Start again and erase the draft")
                            onClicked: root.kiosk.discardDraft()
                        }
                    }
                }
            }
        }
    }
}
