"""ICAO Doc 9303-11 test vectors (chip.md §3): BAC keys and mutual authentication, BAC secure messaging,
PACE ECDH-GM AES-128 brainpoolP256r1 — every value reproduced byte for byte."""

from __future__ import annotations

import hashlib

from kiosk.devices.card import bac, crypto, pace
from kiosk.devices.card.apdu import Command
from kiosk.devices.card.ec import CURVES
from kiosk.devices.card.sm import SecureMessaging

H = bytes.fromhex


# -- §3.1 BAC -----------------------------------------------------------------------------------------
def test_bac_mrz_information_and_seed() -> None:
    info = bac.mrz_information("L898902C<", "690806", "940623")
    assert info == "L898902C<369080619406236"
    assert hashlib.sha1(info.encode()).hexdigest().upper() == "239AB9CB282DAF66231DC5A4DF6BFBAEDF477565"


def test_bac_keys() -> None:
    keys = bac.derive_keys("L898902C<369080619406236")
    assert keys.k_enc == H("AB94FDECF2674FDFB9B391F85D7F76F2")
    assert keys.k_mac == H("7962D9ECE03D1ACD4C76089DCE131543")
    raw = hashlib.sha1(H("239AB9CB282DAF66231DC5A4DF6BFBAE") + b"\x00\x00\x00\x01").digest()[:16]
    assert raw == H("AB94FCEDF2664EDFB9B291F85D7F77F2")  # before parity adjustment


def test_bac_external_authenticate_data() -> None:
    keys = bac.derive_keys("L898902C<369080619406236")
    data = bac.build_external_authenticate(keys, H("4608F91988702212"), H("781723860C06C226"), H("0B795240CB7049B01C19B33E32804F0B"))
    assert data[:32] == H("72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2")
    assert data[32:] == H("5F1448EEA8AD90A7")


def test_bac_full_exchange_gives_published_session() -> None:
    keys = bac.derive_keys("L898902C<369080619406236")
    sent: list[bytes] = []
    answers = [
        (H("4608F91988702212"), 0x9000),
        (H("46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449"), 0x9000),
    ]

    def transmit(cmd: Command) -> tuple[bytes, int]:
        sent.append(cmd.to_bytes())
        return answers.pop(0)

    sm = bac.authenticate(transmit, keys, rnd_ifd=H("781723860C06C226"), k_ifd=H("0B795240CB7049B01C19B33E32804F0B"))
    assert sent[0] == H("0084000008")
    assert sent[1] == H("0082000028" "72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2" "5F1448EEA8AD90A7" "28")
    assert sm.ks_enc == H("979EC13B1CBFE9DCD01AB0FED307EAE5")
    assert sm.ks_mac == H("F1CB1F1FB5ADF208806B89DC579DC1F8")
    assert sm.ssc == 0x887022120C06C226


def test_bac_session_key_seed() -> None:
    k_ifd, k_ic = H("0B795240CB7049B01C19B33E32804F0B"), H("0B4F80323EB3191CB04970CB4052790B")
    assert bytes(a ^ b for a, b in zip(k_ifd, k_ic, strict=True)) == H("0036D272F5C350ACAC50C3F572D23600")


# -- §3.2 BAC secure messaging --------------------------------------------------------------------------
def _sm() -> SecureMessaging:
    return SecureMessaging(H("979EC13B1CBFE9DCD01AB0FED307EAE5"), H("F1CB1F1FB5ADF208806B89DC579DC1F8"), 0x887022120C06C226)


def test_sm_select_ef_com() -> None:
    sm = _sm()
    protected = sm.protect(Command(0x00, 0xA4, 0x02, 0x0C, H("011E")))
    assert protected.to_bytes() == H("0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800")
    data, sw = sm.unprotect(H("990290008E08FA855A5D4C50A8ED"), 0x9000)
    assert (data, sw) == (b"", 0x9000)
    assert crypto.mac_alg3(sm.ks_mac, H("887022120C06C228") + H("99029000")) == H("FA855A5D4C50A8ED")


def test_sm_read_binary_sequence_and_final_ssc() -> None:
    sm = _sm()
    sm.protect(Command(0x00, 0xA4, 0x02, 0x0C, H("011E")))
    sm.unprotect(H("990290008E08FA855A5D4C50A8ED"), 0x9000)
    assert sm.protect(Command(0x00, 0xB0, 0x00, 0x00, le=4)).to_bytes() == H("0CB000000D9701048E08ED6705417E96BA5500")
    assert sm.unprotect(H("8709019FF0EC34F9922651990290008E08AD55CC17140B2DED"), 0x9000) == (H("60145F01"), 0x9000)
    assert sm.protect(Command(0x00, 0xB0, 0x00, 0x04, le=0x12)).to_bytes() == H("0CB000040D9701128E082EA28A70F3C7B53500")
    data, sw = sm.unprotect(H("871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D74"), 0x9000)
    assert data == H("04303130365F36063034303030305C026175") and sw == 0x9000
    assert sm.ssc == 0x887022120C06C22C


def test_sm_rejects_bad_or_missing_mac() -> None:
    import pytest

    from kiosk.devices.card.sm import SMError

    sm = _sm()
    sm.protect(Command(0x00, 0xA4, 0x02, 0x0C, H("011E")))
    with pytest.raises(SMError):
        sm.unprotect(H("990290008E08FA855A5D4C50A8EE"), 0x9000)
    with pytest.raises(SMError):
        _sm().unprotect(b"", 0x6982)


def test_card_side_sm_round_trip_3des_and_aes() -> None:
    for cipher, key in (("3des", H("979EC13B1CBFE9DCD01AB0FED307EAE5")), ("aes", H("F5F0E35C0D7161EE6724EE513A0D9A7F"))):
        reader = SecureMessaging(key, key[::-1], 5, cipher)
        card = SecureMessaging(key, key[::-1], 5, cipher)
        cmd = reader.protect(Command(0x00, 0xB0, 0x01, 0x02, le=0xE0))
        inner = card.unprotect_command(cmd)
        assert (inner.ins, inner.p1, inner.p2, inner.le) == (0xB0, 1, 2, 0xE0)
        resp = card.protect_response(b"hello world", 0x9000)
        assert reader.unprotect(resp[:-2], 0x9000) == (b"hello world", 0x9000)


# -- §3.3 PACE ECDH-GM ----------------------------------------------------------------------------------
MRZ_PW = "T22000129364081251010318"
BP = CURVES[13]
SK_MAP_IFD = int("7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99", 16)
PK_MAP_IC = H("04824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F5730D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54")
SK_DH_IFD = int("A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595", 16)
PK_DH_IC = H("049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094")
PK_DH_IFD = H("042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462")
PK_MAP_IFD = H("047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D")


def test_pace_password_keys() -> None:
    assert hashlib.sha1(MRZ_PW.encode()).digest() == H("7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD")
    assert pace.k_pi(MRZ_PW, pace.PASSWORD_MRZ) == H("89DED1B26624EC1E634C1989302849DD")


def test_pace_card_access_and_mse() -> None:
    infos = pace.parse_card_access(H("31143012060A04007F0007020204020202010202010D"))
    assert infos == [pace.PaceInfo("0.4.0.127.0.7.2.2.4.2.2", 13)]
    assert pace.mse_set_at(infos[0], pace.PASSWORD_MRZ).to_bytes() == H("0022C1A40F800A04007F00070202040202830101")


def test_pace_nonce_mapping_and_keys() -> None:
    s = pace.decrypt_nonce(pace.k_pi(MRZ_PW, pace.PASSWORD_MRZ), H("95A3A016522EE98D01E76CB6B98B42C3"))
    assert s == H("3F00C4D39D153F2B2A214A078D899B22")
    assert BP.encode(BP.mul(SK_MAP_IFD, BP.g)) == PK_MAP_IFD
    sk_map_ic = int("498FF49756F2DC1587840041839A85982BE7761D14715FB091EFA7BCE9058560", 16)
    assert BP.encode(BP.mul(sk_map_ic, BP.g)) == PK_MAP_IC
    h = BP.mul(SK_MAP_IFD, BP.decode(PK_MAP_IC))
    assert BP.encode(h) == H("0460332EF2450B5D247EF6D3868397D398852ED6E8CAF6FFEEF6BF85CA57057FD50840CA7415BAF3E43BD414D35AA4608B93A2CAF3A4E3EA4E82C9C13D03EB7181")
    g_hat = pace.map_generator(BP, s, SK_MAP_IFD, PK_MAP_IC)
    assert BP.encode(g_hat) == H("048CED63C91426D4F0EB1435E7CB1D74A46723A0AF21C89634F65A9AE87A9265E28C879506743F8611AC33645C5B985C80B5F09A0B83407C1B6A4D857AE76FE522")
    assert BP.encode(BP.mul(SK_DH_IFD, g_hat)) == PK_DH_IFD
    shared = BP.mul(SK_DH_IFD, BP.decode(PK_DH_IC))
    assert shared[0].to_bytes(32, "big") == H("28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925")
    ks_enc, ks_mac = pace.session_keys(shared[0].to_bytes(32, "big"), 128)
    assert ks_enc == H("F5F0E35C0D7161EE6724EE513A0D9A7F")
    assert ks_mac == H("FE251C7858B356B24514B3BD5F4297D1")
    oid = pace.PaceInfo("0.4.0.127.0.7.2.2.4.2.2", 13).oid_der
    assert pace.auth_token(ks_mac, oid, PK_DH_IC) == H("C2B0BD78D94BA866")
    assert pace.auth_token(ks_mac, oid, PK_DH_IFD) == H("3ABB9674BCE93C08")


def test_pace_full_exchange_sends_published_apdus() -> None:
    info = pace.PaceInfo("0.4.0.127.0.7.2.2.4.2.2", 13)
    sent: list[bytes] = []
    answers = [
        (b"", 0x9000),
        (H("7C12801095A3A016522EE98D01E76CB6B98B42C3"), 0x9000),
        (H("7C438241") + PK_MAP_IC, 0x9000),
        (H("7C438441") + PK_DH_IC, 0x9000),
        (H("7C0A86083ABB9674BCE93C08"), 0x9000),
    ]

    def transmit(cmd: Command) -> tuple[bytes, int]:
        sent.append(cmd.to_bytes())
        return answers.pop(0)

    sm = pace.authenticate(transmit, info, MRZ_PW, pace.PASSWORD_MRZ, sk_map=SK_MAP_IFD, sk_dh=SK_DH_IFD)
    assert sent[0] == H("0022C1A40F800A04007F00070202040202830101")
    assert sent[1] == H("10860000027C0000")
    assert sent[2] == H("10860000457C438141") + PK_MAP_IFD + b"\x00"
    assert sent[3] == H("10860000457C438341") + PK_DH_IFD + b"\x00"
    assert sent[4] == H("008600000C7C0A8508C2B0BD78D94BA86600")
    assert (sm.ks_enc, sm.ks_mac, sm.ssc, sm.cipher) == (H("F5F0E35C0D7161EE6724EE513A0D9A7F"), H("FE251C7858B356B24514B3BD5F4297D1"), 0, "aes")


def test_curves_match_cryptography() -> None:
    from cryptography.hazmat.primitives.asymmetric import ec as cec

    classes = {10: cec.SECP224R1, 11: cec.BrainpoolP256R1, 12: cec.SECP256R1, 13: cec.BrainpoolP256R1,
               15: cec.SECP384R1, 16: cec.BrainpoolP384R1, 17: cec.BrainpoolP512R1, 18: cec.SECP521R1}
    for pid, curve in CURVES.items():
        if pid == 11:
            continue  # brainpoolP224r1 is not in cryptography; checked for being on its curve below
        k = 0x1234567890ABCDEF1234567890ABCDEF
        pub = cec.derive_private_key(k, classes[pid]()).public_key().public_numbers()
        assert curve.mul(k, curve.g) == (pub.x, pub.y), curve.name
        assert curve.on_curve(curve.g)
    assert CURVES[11].on_curve(CURVES[11].g)
    assert CURVES[11].mul(CURVES[11].n, CURVES[11].g) is None
