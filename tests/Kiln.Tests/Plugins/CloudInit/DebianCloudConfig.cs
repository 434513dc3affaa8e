namespace Kiln.Tests.Plugins.CloudInit;

/// <summary>An excerpt of the cloud.cfg Debian's cloud-init package ships (its shape in bookworm and trixie).</summary>
public static class DebianCloudConfig
{
    public const string Text = """
        users:
           - default
        disable_root: true
        apt:
           preserve_sources_list: true
        # The modules that run in the 'init' stage
        cloud_init_modules:
         - seed_random
         - bootcmd
         - write-files
         - growpart
         - resizefs
         - users-groups
         - ssh

        # The modules that run in the 'config' stage
        cloud_config_modules:
         - locale
         - [runcmd, always]

        cloud_final_modules:
         - scripts-user
         - final-message

        system_info:
           distro: debian
           default_user:
             name: debian
             lock_passwd: True
             groups: [adm, audio, cdrom, dialout, dip, floppy, plugdev, sudo, video]
             sudo: ["ALL=(ALL) NOPASSWD:ALL"]
             shell: /bin/bash
        """;
}
