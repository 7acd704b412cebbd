<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
    <#if section = "header">
        输入验证码 / Enter the code
    <#elseif section = "form">
        <p>验证码已发送至 ${phoneNumber!""}，${validMinutes!"5"} 分钟内有效 / A code was texted to ${phoneNumber!""}</p>
        <form id="linkage-phone-code" action="${url.loginAction}" method="post">
            <label for="code">验证码 / Code</label>
            <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code"
                   maxlength="6" autofocus />
            <input type="submit" value="登录 / Log in" />
        </form>
    </#if>
</@layout.registrationLayout>
