<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
    <#if section = "header">
        手机号登录 / Log in with your mobile number
    <#elseif section = "form">
        <form id="linkage-phone-number" action="${url.loginAction}" method="post">
            <label for="phone_number">手机号 / Mobile number</label>
            <input id="phone_number" name="phone_number" type="tel" inputmode="numeric" autocomplete="tel"
                   autofocus placeholder="138 0013 8000" />
            <input type="submit" value="获取验证码 / Text me a code" />
        </form>
    </#if>
</@layout.registrationLayout>
