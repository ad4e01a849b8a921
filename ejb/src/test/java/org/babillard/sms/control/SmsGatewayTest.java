package org.babillard.sms.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmsGatewayTest {

    @Test
    void placeholdersAreEscapedForTheBodyType() {
        assertEquals("{\"to\":\"+33 1\",\"text\":\"say \\\"hi\\\"\\nnow\"}",
                SmsGateway.fill(SmsGateway.DEFAULT_BODY, "+33 1", "say \"hi\"\nnow", "application/json"));
        assertEquals("to=%2B33+1&msg=a%26b%3Dc", SmsGateway.fill("to={to}&msg={text}", "+33 1", "a&b=c",
                "application/x-www-form-urlencoded"));
        assertEquals("https://sms.example/send?to=%2B33+1&text=%C3%A0+lire",
                SmsGateway.fill("https://sms.example/send?to={to}&text={text}", "+33 1", "à lire", "url"));
    }
}
