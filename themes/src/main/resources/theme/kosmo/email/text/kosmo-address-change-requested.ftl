<#ftl output_format="plainText">
<#-- notice to the verified address: a change of address was asked for (event listener kosmo-security-notices) -->
${msg("kosmoAddressChangeRequestedIntro", when)}

  ${maskedNewAddress}

${msg("kosmoAddressChangeRequestedOnlyByLink", address)}

${msg("kosmoAddressChangeRequestedNotYou")}

--
${msg("kosmoMailSignature")}
