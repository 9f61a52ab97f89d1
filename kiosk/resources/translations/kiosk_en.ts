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
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="138" />
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="155" />
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="156" />
        <source>Phone: %1</source>
        <translation>Phone: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="157" />
        <source>E-mail: %1</source>
        <translation>E-mail: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="157" />
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="163" />
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="163" />
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="168" />
        <source>Create my account</source>
        <translation>Create my account</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="176" />
        <source>Messages will go to %1.</source>
        <translation>Messages will go to %1.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="180" />
        <source>What it is for: you get a text message each time one of your dossiers moves on (received, needs more papers, result ready), and next time this kiosk knows you from your ID card, so you skip this step.</source>
        <translation>What it is for: you get a text message each time one of your dossiers moves on (received, needs more papers, result ready), and next time this kiosk knows you from your ID card, so you skip this step.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="186" />
        <source>Continue to the procedures</source>
        <translation>Continue to the procedures</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="186" />
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="190" />
        <source>Please wait…</source>
        <translation>Please wait…</translation>
    </message>
</context>
<context>
    <name>DeliveryPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="11" />
        <source>How do you want to receive the result?</source>
        <translation>How do you want to receive the result?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="12" />
        <source>Choose one way, then touch Continue.</source>
        <translation>Choose one way, then touch Continue.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="16" />
        <source>At the counter</source>
        <translation>At the counter</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="16" />
        <source>Come back with your receipt</source>
        <translation>Come back with your receipt</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="17" />
        <source>By post</source>
        <translation>By post</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="17" />
        <source>Public postal service (BCCI) brings it to your address</source>
        <translation>Public postal service (BCCI) brings it to your address</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="18" />
        <source>Electronically</source>
        <translation>Electronically</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="18" />
        <source>In your account on the national public service portal</source>
        <translation>In your account on the national public service portal</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="34" />
        <source>Address for the post</source>
        <translation>Address for the post</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="7" />
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>DetailPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="17" />
        <source>Partly online: you hand in the dossier here, but some steps are done at the counter (see below).</source>
        <translation>Partly online: you hand in the dossier here, but some steps are done at the counter (see below).</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="18" />
        <source>Fully online: the whole dossier is handed in at this kiosk.</source>
        <translation>Fully online: the whole dossier is handed in at this kiosk.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="29" />
        <source>Fee: %1</source>
        <translation>Fee: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="30" />
        <source>Time to handle: %1</source>
        <translation>Time to handle: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="31" />
        <source>Handled by: %1</source>
        <translation>Handled by: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="45" />
        <source>You will still need to come in person for:</source>
        <translation>You will still need to come in person for:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="49" />
        <source>Papers you need</source>
        <translation>Papers you need</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="55" />
        <source>if applicable</source>
        <translation>if applicable</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="6" />
        <source>Start this procedure</source>
        <translation>Start this procedure</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="13" />
        <source>Your papers</source>
        <translation>Your papers</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="14" />
        <source>Put a paper face down on the scanner glass and touch Scan. Your originals stay with you.</source>
        <translation>Put a paper face down on the scanner glass and touch Scan. Your originals stay with you.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="57" />
        <source>The copy from your earlier dossier will be used.</source>
        <translation>The copy from your earlier dossier will be used.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="58" />
        <source>You will hand in the paper at the counter.</source>
        <translation>You will hand in the paper at the counter.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="59" />
        <source>Not scanned yet</source>
        <translation>Not scanned yet</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="60" />
        <source>Not provided (optional): it will not be listed on your receipt</source>
        <translation>Not provided (optional): it will not be listed on your receipt</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="61" />
        <source>%n page(s) scanned</source>
        <translation><numerusform>%n page scanned</numerusform><numerusform>%n pages scanned</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="80" />
        <source>You handed in this paper in an earlier dossier (%n page(s)). You can use that copy instead of scanning again.</source>
        <translation><numerusform>You handed in this paper in an earlier dossier (%n page). You can use that copy instead of scanning again.</numerusform><numerusform>You handed in this paper in an earlier dossier (%n pages). You can use that copy instead of scanning again.</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="85" />
        <source>Using the earlier copy ✓</source>
        <translation>Using the earlier copy ✓</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="85" />
        <source>Use the earlier copy</source>
        <translation>Use the earlier copy</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="100" />
        <source>Scanning…</source>
        <translation>Scanning…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="100" />
        <source>Scan another page</source>
        <translation>Scan another page</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="100" />
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="106" />
        <source>Remove last page</source>
        <translation>Remove last page</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="114" />
        <source>I will hand in the paper at the counter</source>
        <translation>I will hand in the paper at the counter</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="9" />
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="13" />
        <source>Fill in the form</source>
        <translation>Fill in the form</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="14" />
        <source>Fields marked * are required. Touch a box to type.</source>
        <translation>Fields marked * are required. Touch a box to type.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="20" />
        <source>Please correct the %n field(s) marked in red.</source>
        <translation><numerusform>Please correct the field marked in red.</numerusform><numerusform>Please correct the %n fields marked in red.</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="39" />
        <source>day/month/year, e.g. 05/09/2024</source>
        <translation>day/month/year, e.g. 05/09/2024</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="120" />
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="127" />
        <source>Keep a draft if the kiosk fails</source>
        <translation>Keep a draft if the kiosk fails</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="127" />
        <source>Only your card can reopen it; it is erased after 24 hours.</source>
        <translation>Only your card can reopen it; it is erased after 24 hours.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="9" />
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
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="14" />
        <source>The card could not be read</source>
        <translation>The card could not be read</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="23" />
        <source>Check the name and date of birth. If they are yours, touch Yes, this is me.</source>
        <translation>Check the name and date of birth. If they are yours, touch Yes, this is me.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="26" />
        <source>Touch Try again, type the number instead, or call staff.</source>
        <translation>Touch Try again, type the number instead, or call staff.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="27" />
        <source>Type the 12-digit ID number and your date of birth.</source>
        <translation>Type the 12-digit ID number and your date of birth.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="125" />
        <source>No QR code? Type the ID number and date of birth</source>
        <translation>No QR code? Type the ID number and date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="140" />
        <source>ID number (12 digits)</source>
        <translation>ID number (12 digits)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="149" />
        <source>Date of birth (day/month/year)</source>
        <translation>Date of birth (day/month/year)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="159" />
        <source>Read my card</source>
        <translation>Read my card</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="13" />
        <source>This card cannot be verified</source>
        <translation>This card cannot be verified</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="15" />
        <source>Type your ID number and date of birth</source>
        <translation>Type your ID number and date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="16" />
        <source>Scan the QR code on your ID card</source>
        <translation>Scan the QR code on your ID card</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="18" />
        <source>Step 1 of 2</source>
        <translation>Step 1 of 2</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="18" />
        <source>Step 2 of 2</source>
        <translation>Step 2 of 2</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="25" />
        <source>Touch Call staff: an officer will help you at the counter.</source>
        <translation>Touch Call staff: an officer will help you at the counter.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="47" />
        <source>QR scanner</source>
        <translation>QR scanner</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="28" />
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="83" />
        <source>Hold the front of your ID card, where the QR code is printed, under the scanner light.</source>
        <translation>Hold the front of your ID card, where the QR code is printed, under the scanner light.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="102" />
        <source>Demo card: %1 · ID number %2 · born %3</source>
        <translation>Demo card: %1 · ID number %2 · born %3</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="108" />
        <source>Scan the demo card's QR code</source>
        <translation>Scan the demo card's QR code</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="135" />
        <source>Type the 12-digit number and the date of birth printed on your card. Then you will place the card on the reader.</source>
        <translation>Type the 12-digit number and the date of birth printed on your card. Then you will place the card on the reader.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="150" />
        <source>day/month/year</source>
        <translation>day/month/year</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="24" />
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="169" />
        <source>Now lay your card flat on the reader and leave it there until the bar is full.</source>
        <translation>Now lay your card flat on the reader and leave it there until the bar is full.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="206" />
        <source>Date of birth: %1</source>
        <translation>Date of birth: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="207" />
        <source>ID number: %1</source>
        <translation>ID number: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="216" />
        <source>No, this is not me</source>
        <translation>No, this is not me</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="20" />
        <source>Yes, this is me</source>
        <translation>Yes, this is me</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="234" />
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="235" />
        <source>Type the number</source>
        <translation>Type the number</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="236" />
        <source>Call staff</source>
        <translation>Call staff</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="55" />
        <source>Staff sign-in (touch and hold)</source>
        <translation>Staff sign-in (touch and hold)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="63" />
        <source>Public service kiosk</source>
        <translation>Public service kiosk</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="74" />
        <source>One-stop reception</source>
        <translation>One-stop reception</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="103" />
        <source>Normal text</source>
        <translation>Normal text</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="104" />
        <source>Larger text</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="104" />
        <source>Even larger text</source>
        <translation>Even larger text</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="112" />
        <source>Contrast</source>
        <translation>Contrast</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="112" />
        <source>Normal colours</source>
        <translation>Normal colours</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="121" />
        <source>Listen</source>
        <translation>Listen</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="122" />
        <source>on</source>
        <translation>on</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="123" />
        <source>Spoken guidance</source>
        <translation>Spoken guidance</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="158" />
        <source>End assistance</source>
        <translation>End assistance</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="184" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="251" />
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="261" />
        <source>Call staff</source>
        <translation>Call staff</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="271" />
        <source>Cancel and erase</source>
        <translation>Cancel and erase</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="336" />
        <source>Are you still there?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="344" />
        <source>For your safety, your information will be erased in %1 seconds.</source>
        <translation>For your safety, your information will be erased in %1 seconds.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="351" />
        <source>I am still here</source>
        <translation>I am still here</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="389" />
        <source>Would you like some help?</source>
        <translation>Would you like some help?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="397" />
        <source>A staff member can come to this kiosk and help you. It is free.</source>
        <translation>A staff member can come to this kiosk and help you. It is free.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="404" />
        <source>Yes, call staff</source>
        <translation>Yes, call staff</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="410" />
        <source>No, I will continue myself</source>
        <translation>No, I will continue myself</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="441" />
        <source>Continue the dossier you started?</source>
        <translation>Continue the dossier you started?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="450" />
        <source>Continue where I was</source>
        <translation>Continue where I was</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="456" />
        <source>Start again and erase the draft</source>
        <translation>Start again and erase the draft</translation>
    </message>
</context>
<context>
    <name>NoticePage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/NoticePage.qml" line="10" />
        <source>Read how your information is used, then touch the button below to continue.</source>
        <translation>Read how your information is used, then touch the button below to continue.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/NoticePage.qml" line="7" />
        <source>I understand, continue</source>
        <translation>I understand, continue</translation>
    </message>
</context>
<context>
    <name>PaymentPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="10" />
        <source>Fee: %1</source>
        <translation>Fee: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="11" />
        <source>Choose how you will pay. The QR code appears after you submit.</source>
        <translation>Choose how you will pay. The QR code appears after you submit.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="17" />
        <source>Scan a QR code with a banking app</source>
        <translation>Scan a QR code with a banking app</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="18" />
        <source>VietQR, any Vietnamese bank</source>
        <translation>VietQR, any Vietnamese bank</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="25" />
        <source>Pay at the counter</source>
        <translation>Pay at the counter</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="26" />
        <source>In cash or by card when you come back</source>
        <translation>In cash or by card when you come back</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="6" />
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
        <location filename="../../ui/qml/Kiosk/ProceduresPage.qml" line="44" />
        <source>“Fully online”: the whole dossier is handed in at this kiosk. “Partly online”: you start here, but some steps still need a visit to the counter.</source>
        <translation>“Fully online”: the whole dossier is handed in at this kiosk. “Partly online”: you start here, but some steps still need a visit to the counter.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ProceduresPage.qml" line="51" />
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
        <location filename="../../ui/qml/Kiosk/RatingPage.qml" line="61" />
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
</context>
<context>
    <name>ReceiptPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="12" />
        <source>Your dossier has been submitted</source>
        <translation>Your dossier has been submitted</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="13" />
        <source>Take your printed receipt and keep it: you need it to follow your dossier and to collect the result.</source>
        <translation>Take your printed receipt and keep it: you need it to follow your dossier and to collect the result.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="26" />
        <source>Dossier code</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="39" />
        <source>An officer will check it before %1.</source>
        <translation>An officer will check it before %1.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="40" />
        <source>Expected result: %1</source>
        <translation>Expected result: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="64" />
        <source>Print again</source>
        <translation>Print again</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="105" />
        <source>Pay at the counter instead</source>
        <translation>Pay at the counter instead</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="116" />
        <source>Still to do in person: %1</source>
        <translation>Still to do in person: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="8" />
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/ReviewPage.qml" line="13" />
        <source>Check everything, then submit</source>
        <translation>Check everything, then submit</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReviewPage.qml" line="22" />
        <source>Read each part. Touch Change to correct it, or Submit the dossier when everything is right.</source>
        <translation>Read each part. Touch Change to correct it, or Submit the dossier when everything is right.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReviewPage.qml" line="43" />
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReviewPage.qml" line="8" />
        <source>Submitting…</source>
        <translation>Submitting…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReviewPage.qml" line="8" />
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
    <name>Supervisor</name>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="15" />
        <source>Supervisor – end-of-day summary</source>
        <translation>Supervisor – end-of-day summary</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="38" />
        <source>Supervisor login</source>
        <translation>Supervisor login</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="40" />
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="42" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="48" />
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="48" />
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="68" />
        <source>END-OF-DAY SUMMARY</source>
        <translation>END-OF-DAY SUMMARY</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="75" />
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="76" />
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="77" />
        <source>Export PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="78" />
        <source>Export Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="80" />
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="98" />
        <source>Today so far</source>
        <translation>Today so far</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="123" />
        <source>Indicators against their targets (QĐ 766)</source>
        <translation>Indicators against their targets (QĐ 766)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="170" />
        <source>Last 30 days: dossiers received and filed electronically</source>
        <translation>Last 30 days: dossiers received and filed electronically</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="179" />
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="38" />
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="180" />
        <source>Filed electronically (online, kiosk)</source>
        <translation>Filed electronically (online, kiosk)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="181" />
        <source>Some dossiers solved late</source>
        <translation>Some dossiers solved late</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="241" />
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="260" />
        <source>Indicators and kiosk operations</source>
        <translation>Indicators and kiosk operations</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="294" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="308" />
        <source>No dossiers.</source>
        <translation>No dossiers.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="39" />
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="40" />
        <source>Online waiting over 8 h</source>
        <translation>Online waiting over 8 h</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="41" />
        <source>Due today</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="42" />
        <source>Nearly due</source>
        <translation>Nearly due</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="43" />
        <source>Overdue in progress</source>
        <translation>Overdue in progress</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="44" />
        <source>Solved</source>
        <translation>Solved</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="45" />
        <source>Solved late</source>
        <translation>Solved late</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="46" />
        <source>More papers requested</source>
        <translation>More papers requested</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="47" />
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="48" />
        <source>Early or on time (2.1)</source>
        <translation>Early or on time (2.1)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="49" />
        <source>Filed online (3.3)</source>
        <translation>Filed online (3.3)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="50" />
        <source>Paid online (3.6)</source>
        <translation>Paid online (3.6)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="51" />
        <source>Digitised (4.2)</source>
        <translation>Digitised (4.2)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="67" />
        <source>Met</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="69" />
        <source>Not met</source>
        <translation>Not met</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="129" />
        <source>Enter your user name and PIN.</source>
        <translation>Enter your user name and PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="153" />
        <source>Could not log in. Please try again.</source>
        <translation>Could not log in. Please try again.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="205" />
        <source>Could not load the figures. Check the database connection, then press Refresh.</source>
        <translation>Could not load the figures. Check the database connection, then press Refresh.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="233" />
        <source>due %1</source>
        <translation>due %1</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="275" />
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="319" />
        <source>the end of %1</source>
        <translation>the end of %1</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="320" />
        <source>%1 on %2</source>
        <translation>%1 on %2</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="327" />
        <source>Figures as of %1</source>
        <translation>Figures as of %1</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="329" />
        <source>Loading the figures…</source>
        <translation>Loading the figures…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="355" />
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="357" />
        <source>Tickets issued</source>
        <translation>Tickets issued</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="358" />
        <source>Waiting now</source>
        <translation>Waiting now</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="359" />
        <source>Median wait</source>
        <translation>Median wait</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="373" />
        <source>%1 of %2 dossiers</source>
        <translation>%1 of %2 dossiers</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="379" />
        <source>target ≥ %1</source>
        <translation>target ≥ %1</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="380" />
        <source>No figures yet</source>
        <translation>No figures yet</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="412" />
        <source>%1: %2 dossiers</source>
        <translation>%1: %2 dossiers</translation>
    </message>
</context>
<context>
    <name>TicketPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="10" />
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="13" />
        <source>Take a queue number</source>
        <translation>Take a queue number</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="14" />
        <source>Choose what you need help with. Your ticket will be printed.</source>
        <translation>Choose what you need help with. Your ticket will be printed.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="20" />
        <source>Please wait…</source>
        <translation>Please wait…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="13" />
        <source>Your number</source>
        <translation>Your number</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="76" />
        <source>Please wait until your number is called.</source>
        <translation>Please wait until your number is called.</translation>
    </message>
</context>
<context>
    <name>TrackPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="8" />
        <source>Track a dossier</source>
        <translation>Track a dossier</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="9" />
        <source>Type the code from your receipt, or hold the receipt's QR code under the scanner.</source>
        <translation>Type the code from your receipt, or hold the receipt's QR code under the scanner.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="19" />
        <source>Dossier code</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="26" />
        <source>Look it up</source>
        <translation>Look it up</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="53" />
        <source>Result due: %1</source>
        <translation>Result due: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="72" />
        <source>Your result is ready as a signed electronic copy. Type your 12-digit ID number to print it here.</source>
        <translation>Your result is ready as a signed electronic copy. Type your 12-digit ID number to print it here.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="82" />
        <source>Your 12-digit ID number</source>
        <translation>Your 12-digit ID number</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="92" />
        <source>Printing…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="92" />
        <source>Print my result</source>
        <translation>Print my result</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="110" />
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="120" />
        <source>Papers to bring: %1</source>
        <translation>Papers to bring: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="11" />
        <source>Finish</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>VnKeyboard</name>
    <message>
        <location filename="../../ui/qml/Kiosk/VnKeyboard.qml" line="108" />
        <source>space</source>
        <translation>space</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/VnKeyboard.qml" line="119" />
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/VnKeyboard.qml" line="123" />
        <source>Call staff</source>
        <translation>Call staff</translation>
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