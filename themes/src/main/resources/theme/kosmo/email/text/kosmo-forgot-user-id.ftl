<#ftl output_format="plainText">
${msg("kosmoForgotUserIdBody", userId, loginUrl)}
