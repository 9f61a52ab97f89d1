<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB">
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="11" />
        <source>Type the code we sent</source>
        <translation>Type the code we sent</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="12" />
        <source>Optional: what else may we do?</source>
        <translation>Optional: what else may we do?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="13" />
        <source>Check and create your account</source>
        <translation>Check and create your account</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="14" />
        <source>Your account is ready</source>
        <translation>Your account is ready</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="15" />
        <source>You already have an account</source>
        <translation>You already have an account</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="16" />
        <source>Create an account</source>
        <translation>Create an account</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="17" />
        <source>Type the 6-digit code from the text message.</source>
        <translation>Type the 6-digit code from the text message.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="18" />
        <source>Tick only what you agree to. Everything here is optional.</source>
        <translation>Tick only what you agree to. Everything here is optional.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="19" />
        <source>Check the details, then create the account.</source>
        <translation>Check the details, then create the account.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="20" />
        <source>With this account you can file dossiers and follow them, here or online.</source>
        <translation>With this account you can file dossiers and follow them, here or online.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="21" />
        <source>Continue with the account you already have.</source>
        <translation>Continue with the account you already have.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="22" />
        <source>Type a phone number to receive a code. The number does not have to be in your name.</source>
        <translation>Type a phone number to receive a code. The number does not have to be in your name.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="38" />
        <source>We send a code and later news about your dossiers to this phone. It can be a relative's phone.</source>
        <translation>We send a code and later news about your dossiers to this phone. It can be a relative's phone.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="43" />
        <source>Mobile phone number</source>
        <translation>Mobile phone number</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="53" />
        <source>E-mail (optional)</source>
        <translation>E-mail (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="62" />
        <source>Send me the code</source>
        <translation>Send me the code</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="70" />
        <source>Continue without an account</source>
        <translation>Continue without an account</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="80" />
        <source>A text message with a code was sent to %1.</source>
        <translation>A text message with a code was sent to %1.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="81" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="82" />
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="86" />
        <source>Send the code again</source>
        <translation>Send the code again</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="87" />
        <source>Change the phone number</source>
        <translation>Change the phone number</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="96" />
        <source>Each box is optional and starts empty. Your dossier is handled the same either way.</source>
        <translation>Each box is optional and starts empty. Your dossier is handled the same either way.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="131" />
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="148" />
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="149" />
        <source>Phone: %1</source>
        <translation>Phone: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="150" />
        <source>E-mail: %1</source>
        <translation>E-mail: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="150" />
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="156" />
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="156" />
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="161" />
        <source>Create my account</source>
        <translation>Create my account</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="169" />
        <source>Messages will go to %1.</source>
        <translation>Messages will go to %1.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="174" />
        <source>Continue to the procedures</source>
        <translation>Continue to the procedures</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="174" />
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="178" />
        <source>Please wait…</source>
        <translation>Please wait…</translation>
    </message>
</context>
<context>
    <name>DeliveryPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="10" />
        <source>How do you want to receive the result?</source>
        <translation>How do you want to receive the result?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="11" />
        <source>Choose one way, then touch Continue.</source>
        <translation>Choose one way, then touch Continue.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="15" />
        <source>At the counter</source>
        <translation>At the counter</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="15" />
        <source>Come back with your receipt</source>
        <translation>Come back with your receipt</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="16" />
        <source>By post</source>
        <translation>By post</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="16" />
        <source>Public postal service (BCCI) brings it to your address</source>
        <translation>Public postal service (BCCI) brings it to your address</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="17" />
        <source>Electronically</source>
        <translation>Electronically</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="17" />
        <source>In your account on the national public service portal</source>
        <translation>In your account on the national public service portal</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="33" />
        <source>Address for the post</source>
        <translation>Address for the post</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="7" />
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="42" />
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>DetailPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="21" />
        <source>Fee: %1</source>
        <translation>Fee: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="22" />
        <source>Time to handle: %1</source>
        <translation>Time to handle: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="23" />
        <source>Handled by: %1</source>
        <translation>Handled by: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="37" />
        <source>You will still need to come in person for:</source>
        <translation>You will still need to come in person for:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="41" />
        <source>Papers you need</source>
        <translation>Papers you need</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="47" />
        <source>if applicable</source>
        <translation>if applicable</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="6" />
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="54" />
        <source>Start this procedure</source>
        <translation>Start this procedure</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="12" />
        <source>Your papers</source>
        <translation>Your papers</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="13" />
        <source>Put a paper face down on the scanner glass and touch Scan. Your originals stay with you.</source>
        <translation>Put a paper face down on the scanner glass and touch Scan. Your originals stay with you.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="56" />
        <source>You will hand in the paper at the counter.</source>
        <translation>You will hand in the paper at the counter.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="57" />
        <source>Not scanned yet</source>
        <translation>Not scanned yet</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="58" />
        <source>%n page(s) scanned</source>
        <translation><numerusform>%n page scanned</numerusform><numerusform>%n pages scanned</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="72" />
        <source>Scanning…</source>
        <translation>Scanning…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="72" />
        <source>Scan another page</source>
        <translation>Scan another page</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="72" />
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="78" />
        <source>Remove last page</source>
        <translation>Remove last page</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="86" />
        <source>I will hand in the paper at the counter</source>
        <translation>I will hand in the paper at the counter</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="9" />
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="98" />
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="12" />
        <source>Fill in the form</source>
        <translation>Fill in the form</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="13" />
        <source>Fields marked * are required. Touch a box to type.</source>
        <translation>Fields marked * are required. Touch a box to type.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="19" />
        <source>Please correct the %n field(s) marked in red.</source>
        <translation><numerusform>Please correct the field marked in red.</numerusform><numerusform>Please correct the %n fields marked in red.</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="38" />
        <source>day/month/year, e.g. 05/09/2024</source>
        <translation>day/month/year, e.g. 05/09/2024</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="113" />
        <source>Keep a draft if the kiosk fails</source>
        <translation>Keep a draft if the kiosk fails</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="113" />
        <source>Only your card can reopen it; it is erased after 24 hours.</source>
        <translation>Only your card can reopen it; it is erased after 24 hours.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="9" />
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="120" />
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>IdentifyPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="11" />
        <source>Is this you?</source>
        <translation>Is this you?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="12" />
        <source>Reading your card…</source>
        <translation>Reading your card…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="13" />
        <source>The card could not be read</source>
        <translation>The card could not be read</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="14" />
        <source>Place your ID card on the reader</source>
        <translation>Place your ID card on the reader</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="15" />
        <source>Check the name and date of birth. If they are yours, touch Yes, this is me.</source>
        <translation>Check the name and date of birth. If they are yours, touch Yes, this is me.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="17" />
        <source>Touch Try again, type the number instead, or call staff.</source>
        <translation>Touch Try again, type the number instead, or call staff.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="18" />
        <source>Type the 12-digit ID number and your date of birth.</source>
        <translation>Type the 12-digit ID number and your date of birth.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="19" />
        <source>Lay the card flat on the reader and wait a moment.</source>
        <translation>Lay the card flat on the reader and wait a moment.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="38" />
        <source>Card reader</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="61" />
        <source>1. Lay your chip ID card flat on the reader and leave it there.
2. Hold the QR code printed on the card under the scanner light.</source>
        <translation>1. Lay your chip ID card flat on the reader and leave it there.
2. Hold the QR code printed on the card under the scanner light.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="76" />
        <source>No QR code? Type the ID number and date of birth</source>
        <translation>No QR code? Type the ID number and date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="86" />
        <source>Keep the card on the reader, then type the 12-digit number and your date of birth.</source>
        <translation>Keep the card on the reader, then type the 12-digit number and your date of birth.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="91" />
        <source>ID number (12 digits)</source>
        <translation>ID number (12 digits)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="100" />
        <source>Date of birth (day/month/year)</source>
        <translation>Date of birth (day/month/year)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="110" />
        <source>Read my card</source>
        <translation>Read my card</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="16" />
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="120" />
        <source>Please keep the card still on the reader.</source>
        <translation>Please keep the card still on the reader.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="157" />
        <source>Date of birth: %1</source>
        <translation>Date of birth: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="158" />
        <source>ID number: %1</source>
        <translation>ID number: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="167" />
        <source>No, this is not me</source>
        <translation>No, this is not me</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="168" />
        <source>Yes, this is me</source>
        <translation>Yes, this is me</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="185" />
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="186" />
        <source>Type the number</source>
        <translation>Type the number</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="187" />
        <source>Call staff</source>
        <translation>Call staff</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="60" />
        <source>Public service kiosk</source>
        <translation>Public service kiosk</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="69" />
        <source>One-stop reception</source>
        <translation>One-stop reception</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="95" />
        <source>Larger text</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="103" />
        <source>Contrast</source>
        <translation>Contrast</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="112" />
        <source>Listen</source>
        <translation>Listen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="113" />
        <source>on</source>
        <translation>on</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="114" />
        <source>Spoken guidance</source>
        <translation>Spoken guidance</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="149" />
        <source>End assistance</source>
        <translation>End assistance</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="175" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="231" />
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="237" />
        <source>Call staff</source>
        <translation>Call staff</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="243" />
        <source>Cancel and erase</source>
        <translation>Cancel and erase</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="292" />
        <source>Are you still there?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="300" />
        <source>For your safety, your information will be erased in %1 seconds.</source>
        <translation>For your safety, your information will be erased in %1 seconds.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="307" />
        <source>I am still here</source>
        <translation>I am still here</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="331" />
        <source>Continue the dossier you started?</source>
        <translation>Continue the dossier you started?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="340" />
        <source>Continue where I was</source>
        <translation>Continue where I was</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="346" />
        <source>Start again and erase the draft</source>
        <translation>Start again and erase the draft</translation>
    </message>
</context>
<context>
    <name>NoticePage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/NoticePage.qml" line="7" />
        <source>Read how your information is used, then touch the button below to continue.</source>
        <translation>Read how your information is used, then touch the button below to continue.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/NoticePage.qml" line="25" />
        <source>I understand, continue</source>
        <translation>I understand, continue</translation>
    </message>
</context>
<context>
    <name>PaymentPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="9" />
        <source>Fee: %1</source>
        <translation>Fee: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="10" />
        <source>Choose how you will pay. The QR code appears after you submit.</source>
        <translation>Choose how you will pay. The QR code appears after you submit.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="16" />
        <source>Scan a QR code with a banking app</source>
        <translation>Scan a QR code with a banking app</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="17" />
        <source>VietQR, any Vietnamese bank</source>
        <translation>VietQR, any Vietnamese bank</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="24" />
        <source>Pay at the counter</source>
        <translation>Pay at the counter</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="25" />
        <source>In cash or by card when you come back</source>
        <translation>In cash or by card when you come back</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="6" />
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="32" />
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>ProceduresPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/ProceduresPage.qml" line="10" />
        <source>Which procedure do you need?</source>
        <translation>Which procedure do you need?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ProceduresPage.qml" line="11" />
        <source>Touch a procedure in the list, or type a few words to search.</source>
        <translation>Touch a procedure in the list, or type a few words to search.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ProceduresPage.qml" line="17" />
        <source>Search (accents not needed)</source>
        <translation>Search (accents not needed)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ProceduresPage.qml" line="18" />
        <source>for example: khai sinh, ket hon</source>
        <translation>for example: khai sinh, ket hon</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ProceduresPage.qml" line="42" />
        <source>Nothing found. Try other words, or call staff.</source>
        <translation>Nothing found. Try other words, or call staff.</translation>
    </message>
</context>
<context>
    <name>RatingPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/RatingPage.qml" line="8" />
        <source>How easy was it?</source>
        <translation>How easy was it?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/RatingPage.qml" line="9" />
        <source>Touch a face. Thank you!</source>
        <translation>Touch a face. Thank you!</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/RatingPage.qml" line="15" />
        <source>Very hard</source>
        <translation>Very hard</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/RatingPage.qml" line="15" />
        <source>Hard</source>
        <translation>Hard</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/RatingPage.qml" line="15" />
        <source>Easy</source>
        <translation>Easy</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/RatingPage.qml" line="15" />
        <source>Very easy</source>
        <translation>Very easy</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/RatingPage.qml" line="15" />
        <source>So-so</source>
        <translation>So-so</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/RatingPage.qml" line="55" />
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
</context>
<context>
    <name>ReceiptPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="11" />
        <source>Your dossier has been submitted</source>
        <translation>Your dossier has been submitted</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="12" />
        <source>Take your printed receipt and keep it: you need it to follow your dossier and to collect the result.</source>
        <translation>Take your printed receipt and keep it: you need it to follow your dossier and to collect the result.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="25" />
        <source>Dossier code</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="27" />
        <source>An officer will check it before %1.</source>
        <translation>An officer will check it before %1.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="28" />
        <source>Expected result: %1</source>
        <translation>Expected result: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="52" />
        <source>Print again</source>
        <translation>Print again</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="93" />
        <source>Pay at the counter instead</source>
        <translation>Pay at the counter instead</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="104" />
        <source>Still to do in person: %1</source>
        <translation>Still to do in person: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="8" />
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="110" />
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/ReviewPage.qml" line="12" />
        <source>Check everything, then submit</source>
        <translation>Check everything, then submit</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReviewPage.qml" line="13" />
        <source>Read each part. Touch Change to correct it, or Submit the dossier when everything is right.</source>
        <translation>Read each part. Touch Change to correct it, or Submit the dossier when everything is right.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReviewPage.qml" line="34" />
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReviewPage.qml" line="8" />
        <location filename="../../ui/qml/Kiosk/ReviewPage.qml" line="64" />
        <source>Submitting…</source>
        <translation>Submitting…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReviewPage.qml" line="8" />
        <location filename="../../ui/qml/Kiosk/ReviewPage.qml" line="64" />
        <source>Submit the dossier</source>
        <translation>Submit the dossier</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/StaffPage.qml" line="7" />
        <source>Staff sign-in</source>
        <translation>Staff sign-in</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/StaffPage.qml" line="8" />
        <source>For officers helping a citizen. Actions are recorded under your name, on behalf of the citizen.</source>
        <translation>For officers helping a citizen. Actions are recorded under your name, on behalf of the citizen.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/StaffPage.qml" line="10" />
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/StaffPage.qml" line="11" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/StaffPage.qml" line="17" />
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>TicketPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="10" />
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="83" />
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="12" />
        <source>Take a queue number</source>
        <translation>Take a queue number</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="13" />
        <source>Choose what you need help with. Your ticket will be printed.</source>
        <translation>Choose what you need help with. Your ticket will be printed.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="19" />
        <source>Please wait…</source>
        <translation>Please wait…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="12" />
        <source>Your number</source>
        <translation>Your number</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="75" />
        <source>Please wait until your number is called.</source>
        <translation>Please wait until your number is called.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="83" />
        <source>Back to the start</source>
        <translation>Back to the start</translation>
    </message>
</context>
<context>
    <name>TrackPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="7" />
        <source>Track a dossier</source>
        <translation>Track a dossier</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="8" />
        <source>Type the code from your receipt, or hold the receipt's QR code under the scanner.</source>
        <translation>Type the code from your receipt, or hold the receipt's QR code under the scanner.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="14" />
        <source>Dossier code</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="20" />
        <source>Look it up</source>
        <translation>Look it up</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="34" />
        <source>Result due: %1</source>
        <translation>Result due: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="37" />
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>VnKeyboard</name>
    <message>
        <location filename="../../ui/qml/Kiosk/VnKeyboard.qml" line="96" />
        <source>space</source>
        <translation>space</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/VnKeyboard.qml" line="107" />
        <source>Done</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="9" />
        <source>Hello! What would you like to do?</source>
        <translation>Hello! What would you like to do?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="10" />
        <source>Touch a button. You can change the language or make the text larger at the top.</source>
        <translation>Touch a button. You can change the language or make the text larger at the top.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="27" />
        <source>Submit a dossier</source>
        <translation>Submit a dossier</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="28" />
        <source>Use your chip ID card</source>
        <translation>Use your chip ID card</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="43" />
        <source>Create an account</source>
        <translation>Create an account</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="44" />
        <source>Get messages about your dossiers</source>
        <translation>Get messages about your dossiers</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="52" />
        <source>Track a dossier</source>
        <translation>Track a dossier</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="53" />
        <source>Type the code or scan the receipt</source>
        <translation>Type the code or scan the receipt</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="61" />
        <source>Call staff for help</source>
        <translation>Call staff for help</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="62" />
        <source>Someone will come to you</source>
        <translation>Someone will come to you</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="71" />
        <source>Take a queue number</source>
        <translation>Take a queue number</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="72" />
        <source>For the counter; no ID card needed</source>
        <translation>For the counter; no ID card needed</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="81" />
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="87" />
        <source>Your personal data is used only to handle your request and is erased from this kiosk when you finish.</source>
        <translation>Your personal data is used only to handle your request and is erased from this kiosk when you finish.</translation>
    </message>
</context>
</TS>