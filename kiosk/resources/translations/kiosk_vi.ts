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
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="138" />
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="155" />
        <source>Name: %1</source>
        <translation>Họ và tên: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="156" />
        <source>Phone: %1</source>
        <translation>Điện thoại: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="157" />
        <source>E-mail: %1</source>
        <translation>Thư điện tử: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="157" />
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="163" />
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="163" />
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="168" />
        <source>Create my account</source>
        <translation>Tạo tài khoản của tôi</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="176" />
        <source>Messages will go to %1.</source>
        <translation>Tin nhắn sẽ được gửi tới số %1.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="180" />
        <source>What it is for: you get a text message each time one of your dossiers moves on (received, needs more papers, result ready), and next time this kiosk knows you from your ID card, so you skip this step.</source>
        <translation>Tài khoản dùng để: nhận tin nhắn mỗi khi hồ sơ của bạn có tiến triển (đã tiếp nhận, cần bổ sung giấy tờ, đã có kết quả), và lần sau ki-ốt nhận ra bạn qua thẻ căn cước nên bạn không phải làm lại bước này.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="186" />
        <source>Continue to the procedures</source>
        <translation>Tiếp tục chọn thủ tục</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="186" />
        <source>Finish</source>
        <translation>Kết thúc</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/AccountPage.qml" line="190" />
        <source>Please wait…</source>
        <translation>Vui lòng chờ…</translation>
    </message>
</context>
<context>
    <name>DeliveryPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="11" />
        <source>How do you want to receive the result?</source>
        <translation>Bạn muốn nhận kết quả bằng cách nào?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="12" />
        <source>Choose one way, then touch Continue.</source>
        <translation>Chọn một cách, rồi chạm "Tiếp tục".</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="16" />
        <source>At the counter</source>
        <translation>Nhận tại quầy</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="16" />
        <source>Come back with your receipt</source>
        <translation>Mang theo giấy tiếp nhận khi đến nhận</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="17" />
        <source>By post</source>
        <translation>Qua bưu điện</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="17" />
        <source>Public postal service (BCCI) brings it to your address</source>
        <translation>Bưu chính công ích mang đến địa chỉ của bạn</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="18" />
        <source>Electronically</source>
        <translation>Nhận bản điện tử</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="18" />
        <source>In your account on the national public service portal</source>
        <translation>Trong tài khoản của bạn trên Cổng dịch vụ công quốc gia</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="34" />
        <source>Address for the post</source>
        <translation>Địa chỉ nhận qua bưu điện</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DeliveryPage.qml" line="7" />
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
</context>
<context>
    <name>DetailPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="17" />
        <source>Partly online: you hand in the dossier here, but some steps are done at the counter (see below).</source>
        <translation>Một phần: bạn nộp hồ sơ tại đây, nhưng một số việc vẫn phải làm tại quầy (xem bên dưới).</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="18" />
        <source>Fully online: the whole dossier is handed in at this kiosk.</source>
        <translation>Toàn trình: cả hồ sơ được nộp ngay tại ki-ốt này.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="29" />
        <source>Fee: %1</source>
        <translation>Lệ phí: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="30" />
        <source>Time to handle: %1</source>
        <translation>Thời hạn giải quyết: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="31" />
        <source>Handled by: %1</source>
        <translation>Cơ quan giải quyết: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="45" />
        <source>You will still need to come in person for:</source>
        <translation>Bạn vẫn cần đến trực tiếp để:</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="49" />
        <source>Papers you need</source>
        <translation>Giấy tờ cần có</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="55" />
        <source>if applicable</source>
        <translation>nếu có</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DetailPage.qml" line="6" />
        <source>Start this procedure</source>
        <translation>Làm thủ tục này</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="13" />
        <source>Your papers</source>
        <translation>Giấy tờ của bạn</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="14" />
        <source>Put a paper face down on the scanner glass and touch Scan. Your originals stay with you.</source>
        <translation>Úp giấy tờ xuống mặt kính máy quét rồi chạm Quét. Bản gốc vẫn do bạn giữ.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="57" />
        <source>The copy from your earlier dossier will be used.</source>
        <translation>Sẽ dùng lại bản đã nộp trong hồ sơ trước của bạn.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="58" />
        <source>You will hand in the paper at the counter.</source>
        <translation>Bạn sẽ nộp bản giấy tại quầy.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="59" />
        <source>Not scanned yet</source>
        <translation>Chưa quét</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="60" />
        <source>Not provided (optional): it will not be listed on your receipt</source>
        <translation>Không nộp (không bắt buộc): giấy này sẽ không ghi trên phiếu</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="61" />
        <source>%n page(s) scanned</source>
        <translation><numerusform>Đã quét %n trang</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="80" />
        <source>You handed in this paper in an earlier dossier (%n page(s)). You can use that copy instead of scanning again.</source>
        <translation><numerusform>Bạn đã nộp giấy tờ này trong một hồ sơ trước (%n trang). Bạn có thể dùng lại bản đó thay vì quét lại.</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="85" />
        <source>Using the earlier copy ✓</source>
        <translation>Đang dùng lại bản đã nộp ✓</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="85" />
        <source>Use the earlier copy</source>
        <translation>Dùng lại bản đã nộp</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="100" />
        <source>Scanning…</source>
        <translation>Đang quét…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="100" />
        <source>Scan another page</source>
        <translation>Quét thêm trang</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="100" />
        <source>Scan</source>
        <translation>Quét</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="106" />
        <source>Remove last page</source>
        <translation>Bỏ trang vừa quét</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="114" />
        <source>I will hand in the paper at the counter</source>
        <translation>Tôi sẽ nộp bản giấy tại quầy</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/DocumentsPage.qml" line="9" />
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="13" />
        <source>Fill in the form</source>
        <translation>Điền tờ khai</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="14" />
        <source>Fields marked * are required. Touch a box to type.</source>
        <translation>Các ô có dấu * là bắt buộc. Chạm vào ô để nhập.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="20" />
        <source>Please correct the %n field(s) marked in red.</source>
        <translation><numerusform>Vui lòng sửa %n ô được đánh dấu đỏ.</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="39" />
        <source>day/month/year, e.g. 05/09/2024</source>
        <translation>ngày/tháng/năm, ví dụ 05/09/2024</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="120" />
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="127" />
        <source>Keep a draft if the kiosk fails</source>
        <translation>Lưu bản nháp nếu máy gặp sự cố</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="127" />
        <source>Only your card can reopen it; it is erased after 24 hours.</source>
        <translation>Chỉ thẻ của bạn mở lại được bản nháp; bản nháp tự xóa sau 24 giờ.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/FormPage.qml" line="9" />
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
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="14" />
        <source>The card could not be read</source>
        <translation>Chưa đọc được thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="23" />
        <source>Check the name and date of birth. If they are yours, touch Yes, this is me.</source>
        <translation>Kiểm tra họ tên và ngày sinh. Nếu đúng là của bạn, chạm "Đúng, đây là tôi".</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="26" />
        <source>Touch Try again, type the number instead, or call staff.</source>
        <translation>Chạm "Thử lại", nhập số định danh, hoặc gọi cán bộ hỗ trợ.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="27" />
        <source>Type the 12-digit ID number and your date of birth.</source>
        <translation>Nhập số định danh 12 chữ số và ngày sinh của bạn.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="125" />
        <source>No QR code? Type the ID number and date of birth</source>
        <translation>Không có mã QR? Nhập số định danh và ngày sinh</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="140" />
        <source>ID number (12 digits)</source>
        <translation>Số định danh cá nhân (12 chữ số)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="149" />
        <source>Date of birth (day/month/year)</source>
        <translation>Ngày sinh (ngày/tháng/năm)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="159" />
        <source>Read my card</source>
        <translation>Đọc thẻ của tôi</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="13" />
        <source>This card cannot be verified</source>
        <translation>Không xác thực được thẻ này</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="15" />
        <source>Type your ID number and date of birth</source>
        <translation>Nhập số định danh và ngày sinh</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="16" />
        <source>Scan the QR code on your ID card</source>
        <translation>Quét mã QR trên thẻ căn cước</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="18" />
        <source>Step 1 of 2</source>
        <translation>Bước 1 trong 2</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="18" />
        <source>Step 2 of 2</source>
        <translation>Bước 2 trong 2</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="25" />
        <source>Touch Call staff: an officer will help you at the counter.</source>
        <translation>Chạm "Gọi cán bộ": cán bộ sẽ hỗ trợ bạn tại quầy.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="47" />
        <source>QR scanner</source>
        <translation>Máy quét mã QR</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="28" />
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="83" />
        <source>Hold the front of your ID card, where the QR code is printed, under the scanner light.</source>
        <translation>Đưa mặt trước thẻ căn cước, chỗ có in mã QR, vào dưới đèn của máy quét.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="102" />
        <source>Demo card: %1 · ID number %2 · born %3</source>
        <translation>Thẻ mẫu: %1 · số định danh %2 · ngày sinh %3</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="108" />
        <source>Scan the demo card's QR code</source>
        <translation>Quét mã QR thẻ mẫu</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="135" />
        <source>Type the 12-digit number and the date of birth printed on your card. Then you will place the card on the reader.</source>
        <translation>Nhập số định danh 12 chữ số và ngày sinh in trên thẻ. Sau đó bạn sẽ đặt thẻ lên đầu đọc.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="150" />
        <source>day/month/year</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="24" />
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="169" />
        <source>Now lay your card flat on the reader and leave it there until the bar is full.</source>
        <translation>Bây giờ hãy đặt thẻ nằm phẳng trên đầu đọc và để yên cho đến khi thanh chạy đầy.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="206" />
        <source>Date of birth: %1</source>
        <translation>Ngày sinh: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="207" />
        <source>ID number: %1</source>
        <translation>Số định danh: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="216" />
        <source>No, this is not me</source>
        <translation>Không, đây không phải tôi</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="20" />
        <source>Yes, this is me</source>
        <translation>Đúng, đây là tôi</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="234" />
        <source>Try again</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="235" />
        <source>Type the number</source>
        <translation>Nhập số định danh</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/IdentifyPage.qml" line="236" />
        <source>Call staff</source>
        <translation>Gọi cán bộ</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="55" />
        <source>Staff sign-in (touch and hold)</source>
        <translation>Cán bộ đăng nhập (chạm và giữ)</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="63" />
        <source>Public service kiosk</source>
        <translation>Ki-ốt dịch vụ công</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="74" />
        <source>One-stop reception</source>
        <translation>Bộ phận Một cửa</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="103" />
        <source>Normal text</source>
        <translation>Chữ bình thường</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="104" />
        <source>Larger text</source>
        <translation>Chữ lớn</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="104" />
        <source>Even larger text</source>
        <translation>Chữ lớn hơn nữa</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="112" />
        <source>Contrast</source>
        <translation>Tương phản cao</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="112" />
        <source>Normal colours</source>
        <translation>Màu bình thường</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="121" />
        <source>Listen</source>
        <translation>Nghe hướng dẫn</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="122" />
        <source>on</source>
        <translation>đang bật</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="123" />
        <source>Spoken guidance</source>
        <translation>Hướng dẫn bằng giọng nói</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="158" />
        <source>End assistance</source>
        <translation>Kết thúc hỗ trợ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="184" />
        <source>OK</source>
        <translation>Đã hiểu</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="251" />
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="261" />
        <source>Call staff</source>
        <translation>Gọi cán bộ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="271" />
        <source>Cancel and erase</source>
        <translation>Hủy và xóa thông tin</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="336" />
        <source>Are you still there?</source>
        <translation>Bạn còn đó không?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="344" />
        <source>For your safety, your information will be erased in %1 seconds.</source>
        <translation>Để bảo vệ bạn, thông tin sẽ được xóa sau %1 giây.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="351" />
        <source>I am still here</source>
        <translation>Tôi vẫn đang ở đây</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="389" />
        <source>Would you like some help?</source>
        <translation>Bạn có cần giúp không?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="397" />
        <source>A staff member can come to this kiosk and help you. It is free.</source>
        <translation>Cán bộ có thể đến ki-ốt này để giúp bạn. Hỗ trợ là miễn phí.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="404" />
        <source>Yes, call staff</source>
        <translation>Có, gọi cán bộ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="410" />
        <source>No, I will continue myself</source>
        <translation>Không, tôi tự làm tiếp</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="441" />
        <source>Continue the dossier you started?</source>
        <translation>Tiếp tục hồ sơ đang làm dở?</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="450" />
        <source>Continue where I was</source>
        <translation>Tiếp tục từ chỗ đang làm</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/Main.qml" line="456" />
        <source>Start again and erase the draft</source>
        <translation>Làm lại từ đầu và xóa bản nháp</translation>
    </message>
</context>
<context>
    <name>NoticePage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/NoticePage.qml" line="10" />
        <source>Read how your information is used, then touch the button below to continue.</source>
        <translation>Mời đọc cách thông tin của bạn được sử dụng, rồi chạm nút bên dưới để tiếp tục.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/NoticePage.qml" line="7" />
        <source>I understand, continue</source>
        <translation>Tôi đã hiểu, tiếp tục</translation>
    </message>
</context>
<context>
    <name>PaymentPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="10" />
        <source>Fee: %1</source>
        <translation>Lệ phí: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="11" />
        <source>Choose how you will pay. The QR code appears after you submit.</source>
        <translation>Chọn cách nộp lệ phí. Mã QR sẽ hiện sau khi bạn nộp hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="17" />
        <source>Scan a QR code with a banking app</source>
        <translation>Quét mã QR bằng ứng dụng ngân hàng</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="18" />
        <source>VietQR, any Vietnamese bank</source>
        <translation>VietQR, mọi ngân hàng Việt Nam</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="25" />
        <source>Pay at the counter</source>
        <translation>Nộp tại quầy</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="26" />
        <source>In cash or by card when you come back</source>
        <translation>Bằng tiền mặt hoặc thẻ khi bạn quay lại</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/PaymentPage.qml" line="6" />
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
        <location filename="../../ui/qml/Kiosk/ProceduresPage.qml" line="44" />
        <source>“Fully online”: the whole dossier is handed in at this kiosk. “Partly online”: you start here, but some steps still need a visit to the counter.</source>
        <translation>“Toàn trình”: nộp trọn hồ sơ tại ki-ốt này. “Một phần”: bắt đầu tại đây, nhưng vẫn phải đến quầy cho một số việc.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ProceduresPage.qml" line="51" />
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
        <location filename="../../ui/qml/Kiosk/RatingPage.qml" line="61" />
        <source>Skip</source>
        <translation>Bỏ qua</translation>
    </message>
</context>
<context>
    <name>ReceiptPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="12" />
        <source>Your dossier has been submitted</source>
        <translation>Hồ sơ của bạn đã được nộp</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="13" />
        <source>Take your printed receipt and keep it: you need it to follow your dossier and to collect the result.</source>
        <translation>Mời nhận phiếu in và giữ lại: bạn cần phiếu này để theo dõi hồ sơ và nhận kết quả.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="26" />
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="39" />
        <source>An officer will check it before %1.</source>
        <translation>Cán bộ sẽ kiểm tra hồ sơ trước %1.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="40" />
        <source>Expected result: %1</source>
        <translation>Dự kiến trả kết quả: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="64" />
        <source>Print again</source>
        <translation>In lại</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="105" />
        <source>Pay at the counter instead</source>
        <translation>Tôi sẽ nộp phí tại quầy</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="116" />
        <source>Still to do in person: %1</source>
        <translation>Việc cần làm trực tiếp: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReceiptPage.qml" line="8" />
        <source>Finish</source>
        <translation>Kết thúc</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/ReviewPage.qml" line="13" />
        <source>Check everything, then submit</source>
        <translation>Kiểm tra lại rồi nộp hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReviewPage.qml" line="22" />
        <source>Read each part. Touch Change to correct it, or Submit the dossier when everything is right.</source>
        <translation>Đọc từng phần. Chạm "Sửa" để sửa, hoặc "Nộp hồ sơ" khi mọi thứ đã đúng.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReviewPage.qml" line="43" />
        <source>Change</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReviewPage.qml" line="8" />
        <source>Submitting…</source>
        <translation>Đang nộp…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/ReviewPage.qml" line="8" />
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
    <name>Supervisor</name>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="15" />
        <source>Supervisor – end-of-day summary</source>
        <translation>Giám sát – Tổng hợp cuối ngày</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="38" />
        <source>Supervisor login</source>
        <translation>Đăng nhập giám sát</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="40" />
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="42" />
        <source>PIN</source>
        <translation>Mã PIN</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="48" />
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="48" />
        <source>Log in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="68" />
        <source>END-OF-DAY SUMMARY</source>
        <translation>TỔNG HỢP CUỐI NGÀY</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="75" />
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="76" />
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="77" />
        <source>Export PDF</source>
        <translation>Xuất PDF</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="78" />
        <source>Export Excel</source>
        <translation>Xuất Excel</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="80" />
        <source>Log out</source>
        <translation>Đăng xuất</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="98" />
        <source>Today so far</source>
        <translation>Trong ngày</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="123" />
        <source>Indicators against their targets (QĐ 766)</source>
        <translation>Chỉ tiêu so với mục tiêu (QĐ 766)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="170" />
        <source>Last 30 days: dossiers received and filed electronically</source>
        <translation>30 ngày gần nhất: hồ sơ tiếp nhận và nộp điện tử</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="179" />
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="38" />
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="180" />
        <source>Filed electronically (online, kiosk)</source>
        <translation>Nộp điện tử (trực tuyến, ki-ốt)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="181" />
        <source>Some dossiers solved late</source>
        <translation>Có hồ sơ giải quyết trễ hạn</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="241" />
        <source>Queue</source>
        <translation>Hàng chờ</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="260" />
        <source>Indicators and kiosk operations</source>
        <translation>Chỉ số và vận hành ki-ốt</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="294" />
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/Supervisor.qml" line="308" />
        <source>No dossiers.</source>
        <translation>Không có hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="39" />
        <source>Accepted</source>
        <translation>Đã tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="40" />
        <source>Online waiting over 8 h</source>
        <translation>Chờ tiếp nhận &gt; 8 giờ</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="41" />
        <source>Due today</source>
        <translation>Đến hạn hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="42" />
        <source>Nearly due</source>
        <translation>Sắp trễ hạn</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="43" />
        <source>Overdue in progress</source>
        <translation>Quá hạn đang xử lý</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="44" />
        <source>Solved</source>
        <translation>Đã giải quyết</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="45" />
        <source>Solved late</source>
        <translation>Giải quyết trễ hạn</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="46" />
        <source>More papers requested</source>
        <translation>Yêu cầu bổ sung</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="47" />
        <source>Refused</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="48" />
        <source>Early or on time (2.1)</source>
        <translation>Trước hạn, đúng hạn (2.1)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="49" />
        <source>Filed online (3.3)</source>
        <translation>Nộp trực tuyến (3.3)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="50" />
        <source>Paid online (3.6)</source>
        <translation>Thanh toán trực tuyến (3.6)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="51" />
        <source>Digitised (4.2)</source>
        <translation>Số hóa hồ sơ (4.2)</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="67" />
        <source>Met</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="69" />
        <source>Not met</source>
        <translation>Chưa đạt</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="129" />
        <source>Enter your user name and PIN.</source>
        <translation>Vui lòng nhập tên đăng nhập và mã PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="153" />
        <source>Could not log in. Please try again.</source>
        <translation>Không đăng nhập được. Vui lòng thử lại.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="205" />
        <source>Could not load the figures. Check the database connection, then press Refresh.</source>
        <translation>Không tải được số liệu. Kiểm tra kết nối cơ sở dữ liệu rồi bấm Làm mới.</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="233" />
        <source>due %1</source>
        <translation>hẹn %1</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="275" />
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="319" />
        <source>the end of %1</source>
        <translation>hết ngày %1</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="320" />
        <source>%1 on %2</source>
        <translation>%1 ngày %2</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="327" />
        <source>Figures as of %1</source>
        <translation>Số liệu tính đến %1</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="329" />
        <source>Loading the figures…</source>
        <translation>Đang tải số liệu…</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="355" />
        <source>%1 min</source>
        <translation>%1 phút</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="357" />
        <source>Tickets issued</source>
        <translation>Số đã phát</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="358" />
        <source>Waiting now</source>
        <translation>Đang chờ</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="359" />
        <source>Median wait</source>
        <translation>Chờ trung vị</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="373" />
        <source>%1 of %2 dossiers</source>
        <translation>%1/%2 hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="379" />
        <source>target ≥ %1</source>
        <translation>mục tiêu ≥ %1</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="380" />
        <source>No figures yet</source>
        <translation>Chưa có số liệu</translation>
    </message>
    <message>
        <location filename="../../ui/supervisor/supervisor_view_model.py" line="412" />
        <source>%1: %2 dossiers</source>
        <translation>%1: %2 hồ sơ</translation>
    </message>
</context>
<context>
    <name>TicketPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="10" />
        <source>Done</source>
        <translation>Xong</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="13" />
        <source>Take a queue number</source>
        <translation>Lấy số thứ tự</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="14" />
        <source>Choose what you need help with. Your ticket will be printed.</source>
        <translation>Chọn lĩnh vực bạn cần làm thủ tục. Phiếu số thứ tự sẽ được in ra.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="20" />
        <source>Please wait…</source>
        <translation>Vui lòng chờ…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="13" />
        <source>Your number</source>
        <translation>Số của bạn</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TicketPage.qml" line="76" />
        <source>Please wait until your number is called.</source>
        <translation>Vui lòng chờ gọi số</translation>
    </message>
</context>
<context>
    <name>TrackPage</name>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="8" />
        <source>Track a dossier</source>
        <translation>Tra cứu hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="9" />
        <source>Type the code from your receipt, or hold the receipt's QR code under the scanner.</source>
        <translation>Nhập mã trên giấy tiếp nhận, hoặc đưa mã QR trên giấy vào dưới máy quét.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="19" />
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="26" />
        <source>Look it up</source>
        <translation>Tra cứu</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="53" />
        <source>Result due: %1</source>
        <translation>Hẹn trả kết quả: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="72" />
        <source>Your result is ready as a signed electronic copy. Type your 12-digit ID number to print it here.</source>
        <translation>Kết quả của bạn đã có bản điện tử được ký số. Nhập số định danh cá nhân 12 chữ số để in kết quả tại đây.</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="82" />
        <source>Your 12-digit ID number</source>
        <translation>Số định danh cá nhân 12 chữ số của bạn</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="92" />
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="92" />
        <source>Print my result</source>
        <translation>In kết quả của tôi</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="110" />
        <source>History</source>
        <translation>Quá trình giải quyết</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="120" />
        <source>Papers to bring: %1</source>
        <translation>Giấy tờ cần bổ sung: %1</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/TrackPage.qml" line="11" />
        <source>Finish</source>
        <translation>Kết thúc</translation>
    </message>
</context>
<context>
    <name>VnKeyboard</name>
    <message>
        <location filename="../../ui/qml/Kiosk/VnKeyboard.qml" line="108" />
        <source>space</source>
        <translation>dấu cách</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/VnKeyboard.qml" line="119" />
        <source>Done</source>
        <translation>Xong</translation>
    </message>
    <message>
        <location filename="../../ui/qml/Kiosk/VnKeyboard.qml" line="123" />
        <source>Call staff</source>
        <translation>Gọi cán bộ</translation>
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