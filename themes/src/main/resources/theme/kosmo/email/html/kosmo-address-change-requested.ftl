<#import "template.ftl" as layout>
<#-- notice to the verified address: a change of address was asked for (event listener kosmo-security-notices) -->
<@layout.emailLayout>
<p>${msg("kosmoAddressChangeRequestedIntro", when)}</p>
<p style="font-size: 1.2em; font-weight: bold;"><span id="kosmo-notice-new-address">${maskedNewAddress}</span></p>
<p>${msg("kosmoAddressChangeRequestedOnlyByLink", address)}</p>
<p>${msg("kosmoAddressChangeRequestedNotYou")}</p>
<p>${msg("kosmoMailSignature")}</p>
</@layout.emailLayout>
