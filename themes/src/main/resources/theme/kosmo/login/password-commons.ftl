<#import "field.ftl" as field>
<#-- keycloak.v2's macro file (this one macro) with one change: "全てのデバイスからサインアウトする" starts checked where our provider asks
     for it (a password reset, see KosmoUpdatePassword). -->
<#macro logoutOtherSessions>
    <div id="kc-form-options" class="${properties.kcFormOptionsClass!}">
        <div class="${properties.kcFormOptionsWrapperClass!}">
            <@field.checkbox name="logout-sessions" label=msg("logoutOtherSessions") value=(kosmoLogoutSessionsChecked!false) />
        </div>
    </div>
</#macro>
