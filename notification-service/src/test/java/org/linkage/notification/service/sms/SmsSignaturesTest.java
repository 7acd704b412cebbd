package org.linkage.notification.service.sms;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Both providers' signatures against the worked examples their documentation publishes. */
class SmsSignaturesTest {

    /** Aliyun's RPC signature document: DescribeRegions, AccessKeyId testid, AccessKeySecret testsecret, GET. */
    @Test
    void aliyunRpcSignatureMatchesTheDocumentedExample() {
        Map<String, String> parameters = Map.of("Timestamp", "2016-02-23T12:46:24Z", "Format", "XML",
                "AccessKeyId", "testid", "Action", "DescribeRegions", "SignatureMethod", "HMAC-SHA1",
                "SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", "Version", "2014-05-26",
                "SignatureVersion", "1.0");
        assertEquals("GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML"
                + "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
                + "%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26",
                AliyunSignature.stringToSign("GET", parameters));
        assertEquals("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", AliyunSignature.sign("GET", parameters, "testsecret"));
    }

    @Test
    void aliyunPercentEncodingFollowsRfc3986() {
        assertEquals("a%20b%2Ac~d%E4%B8%AD", AliyunSignature.percentEncode("a b*c~d中"));
    }

    /**
     * Tencent Cloud's "Signature v3" document: CVM DescribeInstances POSTed as JSON at 1551113065 with its example
     * key; each intermediate hash is the one the document prints.
     */
    @Test
    void tencentTc3SignatureMatchesTheDocumentedExample() {
        String payload = "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], "
                + "\"Name\": \"instance-name\"}]}";
        String contentType = "application/json; charset=utf-8";
        assertEquals("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
                Tc3Signature.sha256Hex(payload));
        String canonical = Tc3Signature.canonicalRequest("cvm.tencentcloudapi.com", contentType, payload);
        assertEquals("5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
                Tc3Signature.sha256Hex(canonical));
        assertEquals("TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, "
                        + "SignedHeaders=content-type;host, "
                        + "Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
                Tc3Signature.authorization("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
                        "cvm", "cvm.tencentcloudapi.com", contentType, payload, 1551113065L));
    }
}
