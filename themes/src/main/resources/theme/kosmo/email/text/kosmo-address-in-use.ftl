<#ftl output_format="plainText">
${msg("kosmoAddressInUseBody", address)}
