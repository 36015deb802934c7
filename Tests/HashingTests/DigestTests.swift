import Hashing
import Testing

@Suite("Digest: SHA-256 and HMAC-SHA256 from libcrypto")
struct DigestTests {
    @Test func digestVectors() {
        #expect(Digest.sha256Hex("abc".utf8) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Digest.sha256Hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // RFC 4231 test case 2.
        #expect(Digest.hmacSHA256Hex(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(Digest.constantTimeEquals("abc", "abc"))
        #expect(!Digest.constantTimeEquals("abc", "abd"))
        #expect(!Digest.constantTimeEquals("abc", "abcd"))
    }

    @Test func sha256KnownAnswersOfCatalogHashes() {
        #expect(Digest.sha256Hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Digest.sha256Hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = Array(repeating: UInt8(ascii: "a"), count: 1_000)
        #expect(Digest.sha256Hex(long) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func bytesAndHexAgree() {
        #expect(Digest.hex(Digest.sha256(Array("abc".utf8))) == Digest.sha256Hex("abc".utf8))
        #expect(Digest.sha256([UInt8]()).count == 32)
    }
}
