<#ftl output_format="plainText">
<#-- notice to the previous address: the address was changed (event listener kosmo-security-notices) -->
${msg("kosmoAddressChangedIntro", when)}

${msg("kosmoAddressChangedFrom", address)}
${msg("kosmoAddressChangedTo")} ${maskedNewAddress}

${msg("kosmoAddressChangedFromNowOn")}

${msg("kosmoAddressChangedNotYou")}

--
${msg("kosmoMailSignature")}
