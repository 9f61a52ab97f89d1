<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="11" />
        <source>Type the code we sent</source>
        <translation>Nhập mã xác nhận</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="12" />
        <source>Optional: what else may we do?</source>
        <translation>Không bắt buộc: bạn đồng ý thêm điều gì?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="13" />
        <source>Check and create your account</source>
        <translation>Kiểm tra và tạo tài khoản</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="14" />
        <source>Your account is ready</source>
        <translation>Tài khoản của bạn đã sẵn sàng</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="15" />
        <source>You already have an account</source>
        <translation>Bạn đã có tài khoản</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="16" />
        <source>Create an account</source>
        <translation>Tạo tài khoản</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="17" />
        <source>Type the 6-digit code from the text message.</source>
        <translation>Nhập mã 6 chữ số trong tin nhắn vừa gửi.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="18" />
        <source>Tick only what you agree to. Everything here is optional.</source>
        <translation>Chỉ đánh dấu những điều bạn đồng ý. Mọi mục ở đây đều không bắt buộc.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="19" />
        <source>Check the details, then create the account.</source>
        <translation>Kiểm tra thông tin, rồi tạo tài khoản.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="20" />
        <source>With this account you can file dossiers and follow them, here or online.</source>
        <translation>Với tài khoản này, bạn có thể nộp hồ sơ và theo dõi hồ sơ, tại ki-ốt hoặc trên mạng.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="21" />
        <source>Continue with the account you already have.</source>
        <translation>Tiếp tục với tài khoản bạn đã có.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="22" />
        <source>Type a phone number to receive a code. The number does not have to be in your name.</source>
        <translation>Nhập số điện thoại để nhận mã. Số điện thoại không cần đứng tên bạn.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="38" />
        <source>We send a code and later news about your dossiers to this phone. It can be a relative's phone.</source>
        <translation>Chúng tôi gửi mã xác nhận và tin về hồ sơ tới số này. Có thể là số của người thân.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="43" />
        <source>Mobile phone number</source>
        <translation>Số điện thoại di động</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="53" />
        <source>E-mail (optional)</source>
        <translation>Thư điện tử (không bắt buộc)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="62" />
        <source>Send me the code</source>
        <translation>Gửi mã cho tôi</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="70" />
        <source>Continue without an account</source>
        <translation>Tiếp tục mà không tạo tài khoản</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="80" />
        <source>A text message with a code was sent to %1.</source>
        <translation>Tin nhắn có mã đã được gửi tới số %1.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="81" />
        <source>Code</source>
        <translation>Mã xác nhận</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="82" />
        <source>Confirm</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="86" />
        <source>Send the code again</source>
        <translation>Gửi lại mã</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="87" />
        <source>Change the phone number</source>
        <translation>Đổi số điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="96" />
        <source>Each box is optional and starts empty. Your dossier is handled the same either way.</source>
        <translation>Mỗi ô đều không bắt buộc và để trống sẵn. Hồ sơ của bạn được giải quyết như nhau dù bạn chọn thế nào.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="131" />
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="148" />
        <source>Name: %1</source>
        <translation>Họ và tên: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="149" />
        <source>Phone: %1</source>
        <translation>Điện thoại: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="150" />
        <source>E-mail: %1</source>
        <translation>Thư điện tử: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="150" />
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="156" />
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="156" />
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="161" />
        <source>Create my account</source>
        <translation>Tạo tài khoản của tôi</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="169" />
        <source>Messages will go to %1.</source>
        <translation>Tin nhắn sẽ được gửi tới số %1.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="174" />
        <source>Continue to the procedures</source>
        <translation>Tiếp tục chọn thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="174" />
        <source>Finish</source>
        <translation>Kết thúc</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="178" />
        <source>Please wait…</source>
        <translation>Vui lòng chờ…</translation>
    </message>
</context>
<context>
    <name>DeliveryPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="10" />
        <source>How do you want to receive the result?</source>
        <translation>Bạn muốn nhận kết quả bằng cách nào?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="11" />
        <source>Choose one way, then touch Continue.</source>
        <translation>Chọn một cách, rồi chạm "Tiếp tục".</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="15" />
        <source>At the counter</source>
        <translation>Nhận tại quầy</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="15" />
        <source>Come back with your receipt</source>
        <translation>Mang theo giấy tiếp nhận khi đến nhận</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="16" />
        <source>By post</source>
        <translation>Qua bưu điện</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="16" />
        <source>Public postal service (BCCI) brings it to your address</source>
        <translation>Bưu chính công ích mang đến địa chỉ của bạn</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="17" />
        <source>Electronically</source>
        <translation>Nhận bản điện tử</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="17" />
        <source>In your account on the national public service portal</source>
        <translation>Trong tài khoản của bạn trên Cổng dịch vụ công quốc gia</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="33" />
        <source>Address for the post</source>
        <translation>Địa chỉ nhận qua bưu điện</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="7" />
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="42" />
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
</context>
<context>
    <name>DetailPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="21" />
        <source>Fee: %1</source>
        <translation>Lệ phí: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="22" />
        <source>Time to handle: %1</source>
        <translation>Thời hạn giải quyết: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="23" />
        <source>Handled by: %1</source>
        <translation>Cơ quan giải quyết: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="37" />
        <source>You will still need to come in person for:</source>
        <translation>Bạn vẫn cần đến trực tiếp để:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="41" />
        <source>Papers you need</source>
        <translation>Giấy tờ cần có</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="47" />
        <source>if applicable</source>
        <translation>nếu có</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="6" />
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="54" />
        <source>Start this procedure</source>
        <translation>Làm thủ tục này</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="12" />
        <source>Your papers</source>
        <translation>Giấy tờ của bạn</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="13" />
        <source>Put a paper face down on the scanner glass and touch Scan. Your originals stay with you.</source>
        <translation>Úp giấy tờ xuống mặt kính máy quét rồi chạm Quét. Bản gốc vẫn do bạn giữ.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="56" />
        <source>You will hand in the paper at the counter.</source>
        <translation>Bạn sẽ nộp bản giấy tại quầy.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="57" />
        <source>Not scanned yet</source>
        <translation>Chưa quét</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="58" />
        <source>%n page(s) scanned</source>
        <translation><numerusform>Đã quét %n trang</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="72" />
        <source>Scanning…</source>
        <translation>Đang quét…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="72" />
        <source>Scan another page</source>
        <translation>Quét thêm trang</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="72" />
        <source>Scan</source>
        <translation>Quét</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="78" />
        <source>Remove last page</source>
        <translation>Bỏ trang vừa quét</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="86" />
        <source>I will hand in the paper at the counter</source>
        <translation>Tôi sẽ nộp bản giấy tại quầy</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="9" />
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="98" />
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="12" />
        <source>Fill in the form</source>
        <translation>Điền tờ khai</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="13" />
        <source>Fields marked * are required. Touch a box to type.</source>
        <translation>Các ô có dấu * là bắt buộc. Chạm vào ô để nhập.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="19" />
        <source>Please correct the %n field(s) marked in red.</source>
        <translation><numerusform>Vui lòng sửa %n ô được đánh dấu đỏ.</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="38" />
        <source>day/month/year, e.g. 05/09/2024</source>
        <translation>ngày/tháng/năm, ví dụ 05/09/2024</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="113" />
        <source>Keep a draft if the kiosk fails</source>
        <translation>Lưu bản nháp nếu máy gặp sự cố</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="113" />
        <source>Only your card can reopen it; it is erased after 24 hours.</source>
        <translation>Chỉ thẻ của bạn mở lại được bản nháp; bản nháp tự xóa sau 24 giờ.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="9" />
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="120" />
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
</context>
<context>
    <name>IdentifyPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="11" />
        <source>Is this you?</source>
        <translation>Đây có phải là bạn?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="12" />
        <source>Reading your card…</source>
        <translation>Đang đọc thẻ…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="13" />
        <source>The card could not be read</source>
        <translation>Chưa đọc được thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="14" />
        <source>Place your ID card on the reader</source>
        <translation>Đặt thẻ căn cước lên đầu đọc</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="15" />
        <source>Check the name and date of birth. If they are yours, touch Yes, this is me.</source>
        <translation>Kiểm tra họ tên và ngày sinh. Nếu đúng là của bạn, chạm "Đúng, đây là tôi".</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="17" />
        <source>Touch Try again, type the number instead, or call staff.</source>
        <translation>Chạm "Thử lại", nhập số định danh, hoặc gọi cán bộ hỗ trợ.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="18" />
        <source>Type the 12-digit ID number and your date of birth.</source>
        <translation>Nhập số định danh 12 chữ số và ngày sinh của bạn.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="19" />
        <source>Lay the card flat on the reader and wait a moment.</source>
        <translation>Đặt thẻ nằm phẳng trên đầu đọc và chờ trong giây lát.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="38" />
        <source>Card reader</source>
        <translation>Đầu đọc thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="61" />
        <source>1. Lay your chip ID card flat on the reader and leave it there.
2. Hold the QR code printed on the card under the scanner light.</source>
        <translation>1. Đặt thẻ căn cước gắn chip nằm phẳng trên đầu đọc và để yên.
2. Đưa mã QR in trên thẻ vào dưới đèn của máy quét.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="76" />
        <source>No QR code? Type the ID number and date of birth</source>
        <translation>Không có mã QR? Nhập số định danh và ngày sinh</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="86" />
        <source>Keep the card on the reader, then type the 12-digit number and your date of birth.</source>
        <translation>Để thẻ trên đầu đọc, rồi nhập số định danh 12 chữ số và ngày sinh của bạn.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="91" />
        <source>ID number (12 digits)</source>
        <translation>Số định danh cá nhân (12 chữ số)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="100" />
        <source>Date of birth (day/month/year)</source>
        <translation>Ngày sinh (ngày/tháng/năm)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="110" />
        <source>Read my card</source>
        <translation>Đọc thẻ của tôi</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="16" />
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="120" />
        <source>Please keep the card still on the reader.</source>
        <translation>Vui lòng giữ yên thẻ trên đầu đọc.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="157" />
        <source>Date of birth: %1</source>
        <translation>Ngày sinh: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="158" />
        <source>ID number: %1</source>
        <translation>Số định danh: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="167" />
        <source>No, this is not me</source>
        <translation>Không, đây không phải tôi</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="168" />
        <source>Yes, this is me</source>
        <translation>Đúng, đây là tôi</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="185" />
        <source>Try again</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="186" />
        <source>Type the number</source>
        <translation>Nhập số định danh</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="187" />
        <source>Call staff</source>
        <translation>Gọi cán bộ</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="60" />
        <source>Public service kiosk</source>
        <translation>Ki-ốt dịch vụ công</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="69" />
        <source>One-stop reception</source>
        <translation>Bộ phận Một cửa</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="95" />
        <source>Larger text</source>
        <translation>Chữ lớn</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="103" />
        <source>Contrast</source>
        <translation>Tương phản cao</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="112" />
        <source>Listen</source>
        <translation>Nghe hướng dẫn</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="113" />
        <source>on</source>
        <translation>đang bật</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="114" />
        <source>Spoken guidance</source>
        <translation>Hướng dẫn bằng giọng nói</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="149" />
        <source>End assistance</source>
        <translation>Kết thúc hỗ trợ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="175" />
        <source>OK</source>
        <translation>Đã hiểu</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="231" />
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="237" />
        <source>Call staff</source>
        <translation>Gọi cán bộ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="243" />
        <source>Cancel and erase</source>
        <translation>Hủy và xóa thông tin</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="292" />
        <source>Are you still there?</source>
        <translation>Bạn còn đó không?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="300" />
        <source>For your safety, your information will be erased in %1 seconds.</source>
        <translation>Để bảo vệ bạn, thông tin sẽ được xóa sau %1 giây.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="307" />
        <source>I am still here</source>
        <translation>Tôi vẫn đang ở đây</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="331" />
        <source>Continue the dossier you started?</source>
        <translation>Tiếp tục hồ sơ đang làm dở?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="340" />
        <source>Continue where I was</source>
        <translation>Tiếp tục từ chỗ đang làm</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="346" />
        <source>Start again and erase the draft</source>
        <translation>Làm lại từ đầu và xóa bản nháp</translation>
    </message>
</context>
<context>
    <name>NoticePage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/NoticePage.qml" line="7" />
        <source>Read how your information is used, then touch the button below to continue.</source>
        <translation>Mời đọc cách thông tin của bạn được sử dụng, rồi chạm nút bên dưới để tiếp tục.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/NoticePage.qml" line="25" />
        <source>I understand, continue</source>
        <translation>Tôi đã hiểu, tiếp tục</translation>
    </message>
</context>
<context>
    <name>PaymentPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="9" />
        <source>Fee: %1</source>
        <translation>Lệ phí: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="10" />
        <source>Choose how you will pay. The QR code appears after you submit.</source>
        <translation>Chọn cách nộp lệ phí. Mã QR sẽ hiện sau khi bạn nộp hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="16" />
        <source>Scan a QR code with a banking app</source>
        <translation>Quét mã QR bằng ứng dụng ngân hàng</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="17" />
        <source>VietQR, any Vietnamese bank</source>
        <translation>VietQR, mọi ngân hàng Việt Nam</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="24" />
        <source>Pay at the counter</source>
        <translation>Nộp tại quầy</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="25" />
        <source>In cash or by card when you come back</source>
        <translation>Bằng tiền mặt hoặc thẻ khi bạn quay lại</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="6" />
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="32" />
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
</context>
<context>
    <name>ProceduresPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/ProceduresPage.qml" line="10" />
        <source>Which procedure do you need?</source>
        <translation>Bạn cần làm thủ tục gì?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ProceduresPage.qml" line="11" />
        <source>Touch a procedure in the list, or type a few words to search.</source>
        <translation>Chạm vào một thủ tục trong danh sách, hoặc gõ vài chữ để tìm.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ProceduresPage.qml" line="17" />
        <source>Search (accents not needed)</source>
        <translation>Tìm kiếm (không cần gõ dấu)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ProceduresPage.qml" line="18" />
        <source>for example: khai sinh, ket hon</source>
        <translation>ví dụ: khai sinh, ket hon</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ProceduresPage.qml" line="42" />
        <source>Nothing found. Try other words, or call staff.</source>
        <translation>Không tìm thấy. Hãy thử từ khác, hoặc gọi cán bộ.</translation>
    </message>
</context>
<context>
    <name>RatingPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/RatingPage.qml" line="8" />
        <source>How easy was it?</source>
        <translation>Bạn thấy có dễ dùng không?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/RatingPage.qml" line="9" />
        <source>Touch a face. Thank you!</source>
        <translation>Chạm vào một khuôn mặt. Xin cảm ơn!</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/RatingPage.qml" line="15" />
        <source>Very hard</source>
        <translation>Rất khó</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/RatingPage.qml" line="15" />
        <source>Hard</source>
        <translation>Khó</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/RatingPage.qml" line="15" />
        <source>Easy</source>
        <translation>Dễ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/RatingPage.qml" line="15" />
        <source>Very easy</source>
        <translation>Rất dễ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/RatingPage.qml" line="15" />
        <source>So-so</source>
        <translation>Bình thường</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/RatingPage.qml" line="55" />
        <source>Skip</source>
        <translation>Bỏ qua</translation>
    </message>
</context>
<context>
    <name>ReceiptPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="11" />
        <source>Your dossier has been submitted</source>
        <translation>Hồ sơ của bạn đã được nộp</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="12" />
        <source>Take your printed receipt and keep it: you need it to follow your dossier and to collect the result.</source>
        <translation>Mời nhận phiếu in và giữ lại: bạn cần phiếu này để theo dõi hồ sơ và nhận kết quả.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="25" />
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="27" />
        <source>An officer will check it before %1.</source>
        <translation>Cán bộ sẽ kiểm tra hồ sơ trước %1.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="28" />
        <source>Expected result: %1</source>
        <translation>Dự kiến trả kết quả: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="52" />
        <source>Print again</source>
        <translation>In lại</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="93" />
        <source>Pay at the counter instead</source>
        <translation>Tôi sẽ nộp phí tại quầy</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="104" />
        <source>Still to do in person: %1</source>
        <translation>Việc cần làm trực tiếp: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="8" />
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="110" />
        <source>Finish</source>
        <translation>Kết thúc</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/ReviewPage.qml" line="12" />
        <source>Check everything, then submit</source>
        <translation>Kiểm tra lại rồi nộp hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReviewPage.qml" line="13" />
        <source>Read each part. Touch Change to correct it, or Submit the dossier when everything is right.</source>
        <translation>Đọc từng phần. Chạm "Sửa" để sửa, hoặc "Nộp hồ sơ" khi mọi thứ đã đúng.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReviewPage.qml" line="34" />
        <source>Change</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReviewPage.qml" line="8" />
        <location filename="../../ui/qml/Kiosk/ReviewPage.qml" line="64" />
        <source>Submitting…</source>
        <translation>Đang nộp…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReviewPage.qml" line="8" />
        <location filename="../../ui/qml/Kiosk/ReviewPage.qml" line="64" />
        <source>Submit the dossier</source>
        <translation>Nộp hồ sơ</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/StaffPage.qml" line="7" />
        <source>Staff sign-in</source>
        <translation>Cán bộ đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/StaffPage.qml" line="8" />
        <source>For officers helping a citizen. Actions are recorded under your name, on behalf of the citizen.</source>
        <translation>Dành cho cán bộ hỗ trợ công dân. Mọi thao tác được ghi nhận dưới tên cán bộ, thay mặt công dân.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/StaffPage.qml" line="10" />
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/StaffPage.qml" line="11" />
        <source>PIN</source>
        <translation>Mã PIN</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/StaffPage.qml" line="17" />
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
</context>
<context>
    <name>TicketPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="10" />
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="83" />
        <source>Done</source>
        <translation>Xong</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="12" />
        <source>Take a queue number</source>
        <translation>Lấy số thứ tự</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="13" />
        <source>Choose what you need help with. Your ticket will be printed.</source>
        <translation>Chọn lĩnh vực bạn cần làm thủ tục. Phiếu số thứ tự sẽ được in ra.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="19" />
        <source>Please wait…</source>
        <translation>Vui lòng chờ…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="12" />
        <source>Your number</source>
        <translation>Số của bạn</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="75" />
        <source>Please wait until your number is called.</source>
        <translation>Vui lòng chờ gọi số</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="83" />
        <source>Back to the start</source>
        <translation>Về màn hình đầu</translation>
    </message>
</context>
<context>
    <name>TrackPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="7" />
        <source>Track a dossier</source>
        <translation>Tra cứu hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="8" />
        <source>Type the code from your receipt, or hold the receipt's QR code under the scanner.</source>
        <translation>Nhập mã trên giấy tiếp nhận, hoặc đưa mã QR trên giấy vào dưới máy quét.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="14" />
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="20" />
        <source>Look it up</source>
        <translation>Tra cứu</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="34" />
        <source>Result due: %1</source>
        <translation>Hẹn trả kết quả: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="37" />
        <source>Finish</source>
        <translation>Kết thúc</translation>
    </message>
</context>
<context>
    <name>VnKeyboard</name>
    <message>
        <location filename="../../ui/qml/Kiosk/VnKeyboard.qml" line="96" />
        <source>space</source>
        <translation>dấu cách</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/VnKeyboard.qml" line="107" />
        <source>Done</source>
        <translation>Xong</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="9" />
        <source>Hello! What would you like to do?</source>
        <translation>Xin chào! Bạn cần làm gì?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="10" />
        <source>Touch a button. You can change the language or make the text larger at the top.</source>
        <translation>Chạm vào một nút. Bạn có thể đổi ngôn ngữ hoặc phóng to chữ ở phía trên.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="27" />
        <source>Submit a dossier</source>
        <translation>Nộp hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="28" />
        <source>Use your chip ID card</source>
        <translation>Dùng thẻ căn cước gắn chip</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="43" />
        <source>Create an account</source>
        <translation>Tạo tài khoản</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="44" />
        <source>Get messages about your dossiers</source>
        <translation>Nhận tin nhắn về hồ sơ của bạn</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="52" />
        <source>Track a dossier</source>
        <translation>Tra cứu hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="53" />
        <source>Type the code or scan the receipt</source>
        <translation>Nhập mã hoặc quét giấy hẹn</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="61" />
        <source>Call staff for help</source>
        <translation>Gọi cán bộ hỗ trợ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="62" />
        <source>Someone will come to you</source>
        <translation>Cán bộ sẽ đến chỗ bạn</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="71" />
        <source>Take a queue number</source>
        <translation>Lấy số thứ tự</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="72" />
        <source>For the counter; no ID card needed</source>
        <translation>Để làm thủ tục tại quầy, không cần thẻ căn cước</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="81" />
        <source>Starting…</source>
        <translation>Đang khởi động…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/WelcomePage.qml" line="87" />
        <source>Your personal data is used only to handle your request and is erased from this kiosk when you finish.</source>
        <translation>Dữ liệu cá nhân của bạn chỉ dùng để giải quyết yêu cầu và được xóa khỏi ki-ốt khi bạn kết thúc.</translation>
    </message>
</context>
</TS>