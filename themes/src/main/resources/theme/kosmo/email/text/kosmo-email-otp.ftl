<#ftl output_format="plainText">
${msg("kosmoEmailOtpBody", code, ttlMinutes, expiresAt)}
