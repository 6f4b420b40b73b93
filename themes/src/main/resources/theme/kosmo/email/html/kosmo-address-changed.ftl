<#import "template.ftl" as layout>
<#-- notice to the previous address: the address was changed (event listener kosmo-security-notices) -->
<@layout.emailLayout>
<p>${msg("kosmoAddressChangedIntro", when)}</p>
<p>${msg("kosmoAddressChangedFrom", address)}<br>
${msg("kosmoAddressChangedTo")} <strong><span id="kosmo-notice-new-address">${maskedNewAddress}</span></strong></p>
<p>${msg("kosmoAddressChangedFromNowOn")}</p>
<p>${msg("kosmoAddressChangedNotYou")}</p>
<p>${msg("kosmoMailSignature")}</p>
</@layout.emailLayout>
